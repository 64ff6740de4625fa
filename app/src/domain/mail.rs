//! The mail outbox: every e-mail is a row first, written in the same transaction as the change
//! that causes it. Each one is logged (recipient and subject — never the body, which holds one-time
//! links), and administrators read them on /admin/mailbox. When `CORRIDOR_SMTP_URL` is set, the
//! server's mail worker (server/src/mailer.rs) sends the rows that are `due`, and records each
//! outcome with `mark_sent` or `mark_failed`; without it, mails stay in the outbox.
use super::entities::mail;
use crate::errors::AppError;
use crate::i18n::Lang;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

#[derive(Clone, Copy)]
pub enum Template<'a> {
    ConfirmEmail {
        link: &'a str,
    },
    ResetPassword {
        link: &'a str,
    },
    /// Somebody signed up with an address that already has an account: its owner is told,
    /// and the sign-up page answers exactly as for a new address.
    AccountExists {
        signin_link: &'a str,
        reset_link: &'a str,
    },
    Invitation {
        link: &'a str,
        organisation: &'a str,
        inviter: &'a str,
    },
    ListingExpiring {
        title: &'a str,
        expires_on: &'a str,
        link: &'a str,
    },
    /// To the owners and editors of an organisation another one asks for an introduction.
    IntroductionRequested {
        from: &'a str,
        link: &'a str,
    },
    IntroductionAccepted {
        by: &'a str,
        link: &'a str,
    },
    IntroductionDeclined {
        by: &'a str,
        link: &'a str,
    },
    /// A new message in an accepted introduction's thread.
    IntroductionMessage {
        from: &'a str,
        link: &'a str,
    },
    /// New listings for a saved search (`summary`: one line and link each).
    SearchAlert {
        name: &'a str,
        count: usize,
        summary: &'a str,
        link: &'a str,
        unsubscribe: &'a str,
    },
    /// The week's best matches of an organisation's listings (`summary`: one paragraph each).
    MatchesDigest {
        organisation: &'a str,
        summary: &'a str,
        link: &'a str,
    },
}

/// Mails sent by the account flows to whoever types an address; at most this many per address
/// per hour, so a form cannot be used to flood a mailbox.
pub const ACCOUNT_MAILS_PER_HOUR: u64 = 3;

impl Template<'_> {
    /// A stable name of the template, stored with each mail.
    pub fn kind(&self) -> &'static str {
        match self {
            Template::ConfirmEmail { .. } => "confirm_email",
            Template::ResetPassword { .. } => "reset_password",
            Template::AccountExists { .. } => "account_exists",
            Template::Invitation { .. } => "invitation",
            Template::ListingExpiring { .. } => "listing_expiring",
            Template::IntroductionRequested { .. } => "introduction_requested",
            Template::IntroductionAccepted { .. } => "introduction_accepted",
            Template::IntroductionDeclined { .. } => "introduction_declined",
            Template::IntroductionMessage { .. } => "introduction_message",
            Template::MatchesDigest { .. } => "matches_digest",
            Template::SearchAlert { .. } => "search_alert",
        }
    }

    pub fn render(&self, lang: Lang) -> (String, String) {
        match self {
            Template::ConfirmEmail { link } => match lang {
                Lang::Vi => ("Xác nhận địa chỉ e-mail của bạn trên Corridor".into(),
                    format!("Xin chào,\n\nHãy mở liên kết sau để xác nhận địa chỉ e-mail (hiệu lực 48 giờ):\n{link}\n\nNếu bạn không đăng ký Corridor, hãy bỏ qua thư này.")),
                Lang::Lo => ("ຢືນຢັນອີເມວຂອງທ່ານໃນ Corridor".into(),
                    format!("ສະບາຍດີ,\n\nກະລຸນາເປີດລິ້ງນີ້ເພື່ອຢືນຢັນອີເມວ (ໃຊ້ໄດ້ 48 ຊົ່ວໂມງ):\n{link}\n\nຖ້າທ່ານບໍ່ໄດ້ລົງທະບຽນ Corridor, ບໍ່ຕ້ອງເຮັດຫຍັງ.")),
                Lang::En => ("Confirm your e-mail address for Corridor".into(),
                    format!("Hello,\n\nOpen this link to confirm your e-mail address (valid for 48 hours):\n{link}\n\nIf you did not sign up for Corridor, ignore this message.")),
            },
            Template::Invitation { link, organisation, inviter } => match lang {
                Lang::Vi => (format!("{inviter} mời bạn tham gia {organisation} trên Corridor"),
                    format!("Xin chào,\n\n{inviter} mời bạn tham gia {organisation} trên Corridor. Mở liên kết sau để chấp nhận (hiệu lực 14 ngày):\n{link}\n\nHãy đăng nhập hoặc tạo tài khoản bằng chính địa chỉ e-mail này.")),
                Lang::Lo => (format!("{inviter} ເຊີນທ່ານເຂົ້າຮ່ວມ {organisation} ໃນ Corridor"),
                    format!("ສະບາຍດີ,\n\n{inviter} ເຊີນທ່ານເຂົ້າຮ່ວມ {organisation} ໃນ Corridor. ເປີດລິ້ງນີ້ເພື່ອຮັບຄຳເຊີນ (ໃຊ້ໄດ້ 14 ວັນ):\n{link}\n\nກະລຸນາເຂົ້າສູ່ລະບົບ ຫຼື ສ້າງບັນຊີດ້ວຍອີເມວນີ້.")),
                Lang::En => (format!("{inviter} invites you to join {organisation} on Corridor"),
                    format!("Hello,\n\n{inviter} invites you to join {organisation} on Corridor. Open this link to accept (valid for 14 days):\n{link}\n\nSign in, or create an account, with this e-mail address.")),
            },
            Template::ResetPassword { link } => match lang {
                Lang::Vi => ("Đặt lại mật khẩu Corridor".into(),
                    format!("Xin chào,\n\nHãy mở liên kết sau để đặt mật khẩu mới (hiệu lực 1 giờ, dùng một lần):\n{link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.")),
                Lang::Lo => ("ຕັ້ງລະຫັດຜ່ານ Corridor ໃໝ່".into(),
                    format!("ສະບາຍດີ,\n\nກະລຸນາເປີດລິ້ງນີ້ເພື່ອຕັ້ງລະຫັດຜ່ານໃໝ່ (ໃຊ້ໄດ້ 1 ຊົ່ວໂມງ, ຄັ້ງດຽວ):\n{link}\n\nຖ້າທ່ານບໍ່ໄດ້ຮ້ອງຂໍ, ບໍ່ຕ້ອງເຮັດຫຍັງ; ລະຫັດຜ່ານເກົ່າຍັງໃຊ້ໄດ້.")),
                Lang::En => ("Reset your Corridor password".into(),
                    format!("Hello,\n\nOpen this link to choose a new password (valid for 1 hour, once):\n{link}\n\nIf you did not ask for this, ignore this message; your password stays as it is.")),
            },
            Template::AccountExists { signin_link, reset_link } => match lang {
                Lang::Vi => ("Địa chỉ này đã có tài khoản Corridor".into(),
                    format!("Xin chào,\n\nCó người (có thể là bạn) vừa đăng ký Corridor bằng địa chỉ e-mail này, nhưng địa chỉ này đã có tài khoản.\nĐăng nhập tại:\n{signin_link}\nQuên mật khẩu? Đặt lại tại:\n{reset_link}\n\nNếu không phải bạn, hãy bỏ qua thư này; tài khoản của bạn không thay đổi.")),
                Lang::Lo => ("ອີເມວນີ້ມີບັນຊີ Corridor ແລ້ວ".into(),
                    format!("ສະບາຍດີ,\n\nມີຄົນ (ອາດແມ່ນທ່ານ) ລົງທະບຽນ Corridor ດ້ວຍອີເມວນີ້, ແຕ່ອີເມວນີ້ມີບັນຊີແລ້ວ.\nເຂົ້າສູ່ລະບົບທີ່:\n{signin_link}\nລືມລະຫັດຜ່ານ? ຕັ້ງໃໝ່ທີ່:\n{reset_link}\n\nຖ້າບໍ່ແມ່ນທ່ານ, ບໍ່ຕ້ອງເຮັດຫຍັງ; ບັນຊີຂອງທ່ານບໍ່ມີການປ່ຽນແປງ.")),
                Lang::En => ("This address already has a Corridor account".into(),
                    format!("Hello,\n\nSomebody (perhaps you) just signed up for Corridor with this e-mail address, which already has an account.\nSign in at:\n{signin_link}\nForgot your password? Reset it at:\n{reset_link}\n\nIf this was not you, ignore this message; your account has not changed.")),
            },
            Template::ListingExpiring { title, expires_on, link } => match lang {
                Lang::Vi => (format!("Tin \"{title}\" sẽ hết hạn ngày {expires_on}"),
                    format!("Xin chào,\n\nTin \"{title}\" trên Corridor sẽ hết hạn ngày {expires_on}. Sau ngày đó tin không còn hiển thị.\nGia hạn thêm 90 ngày tại:\n{link}")),
                Lang::Lo => (format!("ປະກາດ \"{title}\" ຈະໝົດອາຍຸວັນທີ {expires_on}"),
                    format!("ສະບາຍດີ,\n\nປະກາດ \"{title}\" ໃນ Corridor ຈະໝົດອາຍຸວັນທີ {expires_on}. ຫຼັງຈາກນັ້ນຈະບໍ່ສະແດງອີກ.\nຕໍ່ອາຍຸອີກ 90 ວັນໄດ້ທີ່:\n{link}")),
                Lang::En => (format!("\"{title}\" expires on {expires_on}"),
                    format!("Hello,\n\nYour Corridor listing \"{title}\" expires on {expires_on}; after that it is no longer shown.\nRenew it for another 90 days at:\n{link}")),
            },
            Template::IntroductionRequested { from, link } => match lang {
                Lang::Vi => (format!("{from} muốn được giới thiệu với tổ chức của bạn"),
                    format!("Xin chào,\n\n{from} đề nghị được giới thiệu với tổ chức của bạn trên Corridor. Đọc lời nhắn và chấp nhận hoặc từ chối (trong 14 ngày) tại:\n{link}\n\nThông tin liên hệ của hai bên chỉ hiển thị sau khi bạn chấp nhận.")),
                Lang::Lo => (format!("{from} ຂໍແນະນຳຕົວກັບອົງກອນຂອງທ່ານ"),
                    format!("ສະບາຍດີ,\n\n{from} ຂໍແນະນຳຕົວກັບອົງກອນຂອງທ່ານໃນ Corridor. ອ່ານຂໍ້ຄວາມ ແລະ ຍອມຮັບ ຫຼື ປະຕິເສດ (ພາຍໃນ 14 ວັນ) ທີ່:\n{link}\n\nຂໍ້ມູນຕິດຕໍ່ຂອງທັງສອງຝ່າຍຈະສະແດງຫຼັງຈາກທ່ານຍອມຮັບເທົ່ານັ້ນ.")),
                Lang::En => (format!("{from} asks for an introduction to your organisation"),
                    format!("Hello,\n\n{from} asks for an introduction to your organisation on Corridor. Read the message and accept or decline it (within 14 days) at:\n{link}\n\nNeither side sees the other's contact details until you accept.")),
            },
            Template::IntroductionAccepted { by, link } => match lang {
                Lang::Vi => (format!("{by} đã chấp nhận lời đề nghị giới thiệu"),
                    format!("Xin chào,\n\n{by} đã chấp nhận lời đề nghị giới thiệu của bạn. Thông tin liên hệ của hai bên và khung trao đổi có tại:\n{link}")),
                Lang::Lo => (format!("{by} ໄດ້ຍອມຮັບການແນະນຳຕົວ"),
                    format!("ສະບາຍດີ,\n\n{by} ໄດ້ຍອມຮັບຄຳຂໍແນະນຳຕົວຂອງທ່ານ. ຂໍ້ມູນຕິດຕໍ່ຂອງທັງສອງຝ່າຍ ແລະ ການສົນທະນາຢູ່ທີ່:\n{link}")),
                Lang::En => (format!("{by} accepted your introduction request"),
                    format!("Hello,\n\n{by} accepted your introduction request. Both sides' contact details and your conversation are at:\n{link}")),
            },
            Template::IntroductionDeclined { by, link } => match lang {
                Lang::Vi => (format!("{by} đã từ chối lời đề nghị giới thiệu"),
                    format!("Xin chào,\n\n{by} đã từ chối lời đề nghị giới thiệu của bạn. Lý do có tại:\n{link}")),
                Lang::Lo => (format!("{by} ໄດ້ປະຕິເສດການແນະນຳຕົວ"),
                    format!("ສະບາຍດີ,\n\n{by} ໄດ້ປະຕິເສດຄຳຂໍແນະນຳຕົວຂອງທ່ານ. ເບິ່ງເຫດຜົນທີ່:\n{link}")),
                Lang::En => (format!("{by} declined your introduction request"),
                    format!("Hello,\n\n{by} declined your introduction request. The reason is at:\n{link}")),
            },
            Template::SearchAlert { name, count, summary, link, unsubscribe } => match lang {
                Lang::Vi => (format!("{count} tin mới cho “{name}”"),
                    format!("Xin chào,\n\nTìm kiếm đã lưu “{name}” có {count} tin mới trên Corridor:\n\n{summary}\nXem tất cả:\n{link}\n\nNgừng nhận thư cho tìm kiếm này (không cần đăng nhập):\n{unsubscribe}")),
                Lang::Lo => (format!("{count} ລາຍການໃໝ່ສຳລັບ “{name}”"),
                    format!("ສະບາຍດີ,\n\nການຄົ້ນຫາທີ່ບັນທຶກໄວ້ “{name}” ມີ {count} ລາຍການໃໝ່ໃນ Corridor:\n\n{summary}\nເບິ່ງທັງໝົດ:\n{link}\n\nຢຸດຮັບອີເມວສຳລັບການຄົ້ນຫານີ້ (ບໍ່ຕ້ອງເຂົ້າສູ່ລະບົບ):\n{unsubscribe}")),
                Lang::En => (format!("{count} new for “{name}”"),
                    format!("Hello,\n\nYour saved search “{name}” has {count} new on Corridor:\n\n{summary}\nSee them all:\n{link}\n\nStop these e-mails for this search (no sign-in needed):\n{unsubscribe}")),
            },
            Template::MatchesDigest { organisation, summary, link } => match lang {
                Lang::Vi => (format!("Kết nối phù hợp trong tuần cho {organisation}"),
                    format!("Xin chào,\n\nCác tin phù hợp nhất với tin đăng của {organisation} trên Corridor:\n\n{summary}\nXem tất cả và đề nghị giới thiệu tại:\n{link}")),
                Lang::Lo => (format!("ການຈັບຄູ່ປະຈຳອາທິດສຳລັບ {organisation}"),
                    format!("ສະບາຍດີ,\n\nປະກາດທີ່ເໝາະທີ່ສຸດກັບປະກາດຂອງ {organisation} ໃນ Corridor:\n\n{summary}\nເບິ່ງທັງໝົດ ແລະ ຂໍແນະນຳຕົວທີ່:\n{link}")),
                Lang::En => (format!("This week's matches for {organisation}"),
                    format!("Hello,\n\nThe listings that fit {organisation}'s listings on Corridor best:\n\n{summary}\nSee them all and request introductions at:\n{link}")),
            },
            Template::IntroductionMessage { from, link } => match lang {
                Lang::Vi => (format!("Tin nhắn mới từ {from}"),
                    format!("Xin chào,\n\n{from} đã gửi cho bạn một tin nhắn trên Corridor. Đọc và trả lời tại:\n{link}\n\nKhông bao giờ thay đổi thông tin thanh toán chỉ qua tin nhắn: hãy gọi điện xác nhận.")),
                Lang::Lo => (format!("ຂໍ້ຄວາມໃໝ່ຈາກ {from}"),
                    format!("ສະບາຍດີ,\n\n{from} ໄດ້ສົ່ງຂໍ້ຄວາມຫາທ່ານໃນ Corridor. ອ່ານ ແລະ ຕອບທີ່:\n{link}\n\nຢ່າປ່ຽນຂໍ້ມູນການຈ່າຍເງິນຕາມຂໍ້ຄວາມເທົ່ານັ້ນ: ໃຫ້ໂທຢືນຢັນກ່ອນ.")),
                Lang::En => (format!("New message from {from}"),
                    format!("Hello,\n\n{from} sent you a message on Corridor. Read and answer it at:\n{link}\n\nNever change payment details on the strength of a message alone: confirm by phone.")),
            },
        }
    }
}

pub async fn enqueue(
    db: &impl ConnectionTrait,
    recipient: &str,
    template: Template<'_>,
    lang: Lang,
) -> Result<(), AppError> {
    if crate::domain::accounts::is_phone_account_address(recipient) {
        // An account made with a phone number has no mailbox.
        return Ok(());
    }
    let (subject, body) = template.render(lang);
    tracing::info!(recipient, %subject, "mail queued in the outbox");
    mail::ActiveModel {
        kind: Set(template.kind().to_owned()),
        recipient: Set(recipient.to_owned()),
        subject: Set(subject),
        body: Set(body),
        created_at: Set(chrono::Utc::now()),
        sent_at: Set(None),
        attempts: Set(0),
        last_error: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Whether a mail of this kind went to an address since `since`.
pub async fn sent_since(
    db: &impl ConnectionTrait,
    recipient: &str,
    kind: &str,
    since: chrono::DateTime<chrono::Utc>,
) -> Result<bool, AppError> {
    use sea_orm::PaginatorTrait;
    Ok(mail::Entity::find()
        .filter(mail::Column::Recipient.eq(recipient))
        .filter(mail::Column::Kind.eq(kind))
        .filter(mail::Column::CreatedAt.gt(since))
        .count(db)
        .await?
        > 0)
}

/// How many mails of these kinds went to an address in the last hour.
pub async fn sent_last_hour(db: &impl ConnectionTrait, recipient: &str, kinds: &[&str]) -> Result<u64, AppError> {
    use sea_orm::PaginatorTrait;
    Ok(mail::Entity::find()
        .filter(mail::Column::Recipient.eq(recipient))
        .filter(mail::Column::Kind.is_in(kinds.iter().copied()))
        .filter(mail::Column::CreatedAt.gt(chrono::Utc::now() - chrono::Duration::hours(1)))
        .count(db)
        .await?)
}

/// Whether another account mail may go to this address now (see `ACCOUNT_MAILS_PER_HOUR`).
pub async fn account_mail_allowed(db: &impl ConnectionTrait, recipient: &str) -> Result<bool, AppError> {
    let kinds = ["reset_password", "account_exists", "confirm_email"];
    Ok(sent_last_hour(db, recipient, &kinds).await? < ACCOUNT_MAILS_PER_HOUR)
}

/// The newest mails, for the administrators' mailbox page.
pub async fn recent(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<mail::Model>, AppError> {
    Ok(mail::Entity::find()
        .order_by_desc(mail::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// The newest mail to an address (tests read the outbox through this).
pub async fn latest_to(db: &impl ConnectionTrait, recipient: &str) -> Result<Option<mail::Model>, AppError> {
    Ok(mail::Entity::find()
        .filter(mail::Column::Recipient.eq(recipient))
        .order_by_desc(mail::Column::Id)
        .one(db)
        .await?)
}

/// Unsent mails that have been tried fewer than `max_attempts` times, oldest first.
pub async fn due(db: &impl ConnectionTrait, limit: u64, max_attempts: i32) -> Result<Vec<mail::Model>, AppError> {
    Ok(mail::Entity::find()
        .filter(mail::Column::SentAt.is_null())
        .filter(mail::Column::Attempts.lt(max_attempts))
        .order_by_asc(mail::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Records a delivery: the mail is no longer due.
pub async fn mark_sent(db: &impl ConnectionTrait, id: i32) -> Result<(), AppError> {
    mail::Entity::update_many()
        .col_expr(mail::Column::SentAt, Expr::value(chrono::Utc::now()))
        .col_expr(mail::Column::Attempts, Expr::col(mail::Column::Attempts).add(1))
        .col_expr(mail::Column::LastError, Expr::value(Option::<String>::None))
        .filter(mail::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Records a failed attempt with a short reason (at most 300 characters; the caller passes no
/// secrets). The mail stays due until it has been tried `max_attempts` times.
pub async fn mark_failed(db: &impl ConnectionTrait, id: i32, error: &str) -> Result<(), AppError> {
    let error: String = error.chars().take(300).collect();
    mail::Entity::update_many()
        .col_expr(mail::Column::Attempts, Expr::col(mail::Column::Attempts).add(1))
        .col_expr(mail::Column::LastError, Expr::value(Some(error)))
        .filter(mail::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The first `http(s)://…` link in a mail body.
pub fn first_link(body: &str) -> Option<&str> {
    body.split_whitespace()
        .find(|w| w.starts_with("http://") || w.starts_with("https://"))
}
