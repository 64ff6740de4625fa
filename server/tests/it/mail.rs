//! SMTP delivery of the mail outbox, against a small SMTP server in the test process.
use crate::helpers::TestApp;
use app::domain::entities::mail;
use base64::Engine;
use sea_orm::EntityTrait;
use server::config::SmtpSettings;
use server::mailer::{Mailer, MAX_ATTEMPTS};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// One message as the fake server took it.
#[derive(Clone, Debug, Default)]
struct Received {
    mail_from: String,
    rcpt_to: Vec<String>,
    data: String,
}

/// Speaks just enough SMTP (RFC 5321) for lettre: greeting, EHLO, MAIL, RCPT, DATA, QUIT.
struct FakeSmtp {
    addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
}

impl FakeSmtp {
    async fn start() -> FakeSmtp {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = received.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut lines = BufReader::new(read);
                    let mut current = Received::default();
                    write.write_all(b"220 fake.test ESMTP\r\n").await.unwrap();
                    let mut line = String::new();
                    loop {
                        line.clear();
                        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                            break;
                        }
                        let command = line.trim_end().to_owned();
                        let verb = command.split([' ', ':']).next().unwrap_or("").to_ascii_uppercase();
                        let reply: &[u8] = match verb.as_str() {
                            "EHLO" | "HELO" => b"250 fake.test\r\n",
                            "MAIL" => {
                                current = Received {
                                    mail_from: command.clone(),
                                    ..Received::default()
                                };
                                b"250 OK\r\n"
                            }
                            "RCPT" => {
                                current.rcpt_to.push(command.clone());
                                b"250 OK\r\n"
                            }
                            "DATA" => {
                                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await.unwrap();
                                loop {
                                    line.clear();
                                    if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                                        return;
                                    }
                                    if line == ".\r\n" {
                                        break;
                                    }
                                    // Dot-stuffing: a leading ".." stands for ".".
                                    let text = line.strip_prefix('.').unwrap_or(&line);
                                    current.data.push_str(text);
                                }
                                store.lock().unwrap().push(std::mem::take(&mut current));
                                b"250 queued\r\n"
                            }
                            "QUIT" => {
                                write.write_all(b"221 bye\r\n").await.unwrap();
                                return;
                            }
                            _ => b"250 OK\r\n",
                        };
                        write.write_all(reply).await.unwrap();
                    }
                });
            }
        });
        FakeSmtp { addr, received }
    }

    fn settings(&self) -> SmtpSettings {
        SmtpSettings::parse(&format!("smtp://127.0.0.1:{}?tls=none", self.addr.port())).unwrap()
    }
}

/// The header section of a message, unfolded, and its body.
fn split_message(data: &str) -> (Vec<(String, String)>, String) {
    let (head, body) = data.split_once("\r\n\r\n").expect("headers end with a blank line");
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            headers
                .last_mut()
                .expect("a folded line follows a header")
                .1
                .push_str(line);
        } else {
            let (name, value) = line.split_once(':').expect("name: value");
            headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    (headers, body.to_owned())
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} header in {headers:?}"))
}

/// Decodes RFC 2047 `=?utf-8?b?…?=` words; whitespace between two encoded words is dropped.
fn decode_words(value: &str) -> String {
    let mut out = Vec::new();
    let mut previous_encoded = false;
    for word in value.split_whitespace() {
        let encoded = word.to_ascii_lowercase().starts_with("=?utf-8?b?") && word.ends_with("?=");
        let joins_previous_word = encoded && previous_encoded;
        if !out.is_empty() && !joins_previous_word {
            out.push(b' ');
        }
        if encoded {
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(&word[10..word.len() - 2])
                .expect("base64 word");
            out.extend(decoded);
        } else {
            out.extend(word.as_bytes());
        }
        previous_encoded = encoded;
    }
    String::from_utf8(out).expect("UTF-8 subject")
}

fn decode_body(headers: &[(String, String)], body: &str) -> String {
    match header(headers, "content-transfer-encoding")
        .to_ascii_lowercase()
        .as_str()
    {
        "base64" => {
            let joined: String = body.split_whitespace().collect();
            String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(joined)
                    .expect("base64 body"),
            )
            .expect("UTF-8 body")
        }
        "quoted-printable" => {
            let bytes = body.replace("=\r\n", "").into_bytes();
            let mut out = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'=' && i + 2 < bytes.len() {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                    out.push(u8::from_str_radix(hex, 16).expect("=XX"));
                    i += 3;
                } else {
                    out.push(bytes[i]);
                    i += 1;
                }
            }
            String::from_utf8(out).expect("UTF-8 body")
        }
        _ => body.to_owned(),
    }
}

async fn outbox(app: &TestApp) -> Vec<mail::Model> {
    mail::Entity::find().all(&app.db).await.unwrap()
}

#[tokio::test]
async fn the_worker_delivers_a_queued_confirmation_mail_in_lao() {
    let app = TestApp::new().await;
    // Signing up in Lao queues the confirmation mail.
    app.sign_up("somphone@trade.la", "rubber from Attapeu 2026").await;
    let link = app.mailed_path("somphone@trade.la").await;
    let smtp = FakeSmtp::start().await;
    let mailer = Mailer::new(&smtp.settings(), "Corridor <no-reply@corridor.test>").unwrap();

    let round = mailer.deliver_due(&app.db).await.unwrap();
    assert_eq!((round.sent, round.failed), (1, 0));

    let received = smtp.received.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    let message = &received[0];
    assert_eq!(message.mail_from, "MAIL FROM:<no-reply@corridor.test>");
    assert_eq!(message.rcpt_to, ["RCPT TO:<somphone@trade.la>"]);
    let (headers, body) = split_message(&message.data);
    assert_eq!(header(&headers, "to"), "somphone@trade.la");
    assert_eq!(header(&headers, "from"), "Corridor <no-reply@corridor.test>");
    assert_eq!(decode_words(header(&headers, "subject")), "ຢືນຢັນອີເມວຂອງທ່ານໃນ Corridor");
    assert!(header(&headers, "content-type")
        .to_ascii_lowercase()
        .contains("charset=utf-8"));
    let message_id = header(&headers, "message-id");
    assert!(
        message_id.starts_with("<outbox.") && message_id.ends_with("@corridor.test>"),
        "{message_id}"
    );
    assert!(!header(&headers, "date").is_empty());
    let text = decode_body(&headers, &body);
    assert!(text.contains("ສະບາຍດີ"), "{text}");
    assert!(text.contains(&link), "the one-time link is in the mail: {text}");

    let rows = outbox(&app).await;
    assert_eq!(rows.len(), 1);
    assert!(rows[0].sent_at.is_some());
    assert_eq!(rows[0].last_error, None);
    // Sent mails are not sent again.
    let round = mailer.deliver_due(&app.db).await.unwrap();
    assert_eq!((round.sent, round.failed), (0, 0));
    assert_eq!(smtp.received.lock().unwrap().len(), 1);

    // The administrators' mailbox shows the mail as sent.
    let admin = app.confirmed_user("admin@corridor.test").await;
    app.set_platform_role("admin@corridor.test", "admin").await;
    let page = app.get_as("/admin/mailbox?lang=en", &admin).await;
    assert!(page.body.contains("mail-status sent"), "{}", page.body);
}

#[tokio::test]
async fn an_unreachable_server_counts_attempts_and_the_mail_stays_unsent() {
    let app = TestApp::new().await;
    app.sign_up("khanh@trade.vn", "rubber from Attapeu 2026").await;
    // A port nobody listens on: bind one, then close it.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let settings = SmtpSettings::parse(&format!("smtp://127.0.0.1:{port}?tls=none")).unwrap();
    let mailer = Mailer::new(&settings, "Corridor <no-reply@corridor.test>").unwrap();

    let round = mailer.deliver_due(&app.db).await.unwrap();
    assert_eq!((round.sent, round.failed, round.transient), (0, 1, 1));
    let rows = outbox(&app).await;
    assert_eq!(rows[0].sent_at, None);
    assert_eq!(rows[0].attempts, 1);
    let error = rows[0].last_error.clone().expect("the reason is kept");
    assert!(!error.is_empty() && error.chars().count() <= 300, "{error}");

    // It is tried again, up to MAX_ATTEMPTS times, then given up (and kept).
    for _ in 1..MAX_ATTEMPTS + 2 {
        mailer.deliver_due(&app.db).await.unwrap();
    }
    let rows = outbox(&app).await;
    assert_eq!(rows[0].attempts, MAX_ATTEMPTS);
    assert_eq!(rows[0].sent_at, None);
    assert!(app::domain::mail::due(&app.db, 10, MAX_ATTEMPTS)
        .await
        .unwrap()
        .is_empty());

    let admin = app.confirmed_user("admin@corridor.test").await;
    app.set_platform_role("admin@corridor.test", "admin").await;
    let page = app.get_as("/admin/mailbox?lang=en", &admin).await;
    assert!(page.body.contains("mail-status failed"), "{}", page.body);
}

#[test]
fn smtp_urls_say_how_to_connect() {
    use server::config::SmtpSecurity;
    let s = SmtpSettings::parse("smtp://user%40corridor.la:p%3Ass@mail.corridor.la").unwrap();
    assert_eq!(
        (s.host.as_str(), s.port, s.security),
        ("mail.corridor.la", 587, SmtpSecurity::StartTls)
    );
    assert_eq!(s.username.as_deref(), Some("user@corridor.la"));
    assert_eq!(s.password.as_deref(), Some("p:ss"));
    assert!(!format!("{s:?} {s}").contains("p:ss"), "no password in logs");
    let s = SmtpSettings::parse("smtps://u:p@mail.corridor.la").unwrap();
    assert_eq!((s.port, s.security), (465, SmtpSecurity::ImplicitTls));
    let s = SmtpSettings::parse("smtp://relay:2525?tls=none").unwrap();
    assert_eq!(
        (s.host.as_str(), s.port, s.security),
        ("relay", 2525, SmtpSecurity::None)
    );
    let s = SmtpSettings::parse("smtp://[::1]:25?tls=none").unwrap();
    assert_eq!((s.host.as_str(), s.port), ("::1", 25));
    assert!(
        SmtpSettings::parse("smtp://u:p@relay?tls=none").is_err(),
        "no credentials in clear"
    );
    assert!(SmtpSettings::parse("http://relay").is_err());
    assert!(SmtpSettings::parse("smtp://relay:port").is_err());
    assert!(SmtpSettings::parse("smtps://relay?tls=none").is_err());

    let err = server::config::Config::from_lookup(|name| {
        (name == "CORRIDOR_SMTP_URL").then(|| "smtp://u:secret@relay?tls=none".to_owned())
    })
    .unwrap_err();
    assert_eq!(err.name, "CORRIDOR_SMTP_URL");
    assert!(!err.to_string().contains("secret"), "{err}");
    let err = server::config::Config::from_lookup(|name| (name == "CORRIDOR_MAIL_FROM").then(|| "nobody".to_owned()))
        .unwrap_err();
    assert_eq!(err.name, "CORRIDOR_MAIL_FROM");
    let config = server::config::Config::from_lookup(|_| None).unwrap();
    assert_eq!(
        (config.smtp, config.mail_from.as_str()),
        (None, "Corridor <no-reply@localhost>")
    );
}
