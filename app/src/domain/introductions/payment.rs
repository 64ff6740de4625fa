//! Does a message look like payment instructions? Invoice-redirection fraud ("our bank details
//! have changed, pay to this account") is the classic loss between traders who met online, so a
//! message that names an account, an IBAN, a SWIFT code or a change of bank details shows both
//! sides a warning to confirm payment details by phone. The test is deliberately simple and errs
//! towards warning: a warning too many costs a glance, one too few can cost a shipment.
use unicode_normalization::UnicodeNormalization;

/// Words and phrases that are payment instructions on their own (Vietnamese folded: no tone
/// marks, đ → d, so text typed without diacritics matches too).
const PHRASES: &[&str] = &[
    "bank details",
    "banking details",
    "bank account",
    "change of bank",
    "new account",
    "wire transfer",
    "swift",
    "iban",
    "bic code",
    "routing number",
    "remittance",
    "tai khoan moi",
    "doi tai khoan",
    "thay doi tai khoan",
    "thong tin chuyen khoan",
    "chuyen khoan vao",
    "so tai khoan",
    "stk",
    "ປ່ຽນບັນຊີ",
    "ບັນຊີໃໝ່",
    "ເລກບັນຊີ",
    "ບັນຊີທະນາຄານ",
    "ໂອນເງິນເຂົ້າ",
];

/// Words that make a long number an account number rather than a phone number or a quantity.
const BANK_WORDS: &[&str] = &[
    "account",
    "acct",
    "a/c",
    "bank",
    "tai khoan",
    "ngan hang",
    "ບັນຊີ",
    "ທະນາຄານ",
];

/// Lower case, Vietnamese tone marks and the đ stroke removed; Lao left as it is (its vowels and
/// tone marks are letters of the word, not decorations).
fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .nfc()
        .collect()
}

/// Whether `word` occurs in `text` with no ASCII letter or digit glued to either side (so
/// "stk" does not match inside "stock").
fn has_word(text: &str, word: &str) -> bool {
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let ascii_word = word.chars().next().is_some_and(|c| c.is_ascii());
        !ascii_word || (!glued(before) && !glued(after))
    })
}

/// The longest run of digits, counting spaces, dashes and dots between digit groups.
fn longest_number(text: &str) -> usize {
    let mut best = 0;
    let mut digits = 0;
    let mut pending_separator = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            pending_separator = false;
            best = best.max(digits);
        } else if matches!(c, ' ' | '-' | '.') && digits > 0 && !pending_separator {
            pending_separator = true;
        } else {
            digits = 0;
            pending_separator = false;
        }
    }
    best
}

/// An IBAN: two letters, two check digits, 11–30 letters or digits (spaces allowed in groups),
/// whose ISO 7064 mod-97 check holds.
fn has_iban(text: &str) -> bool {
    let chars: Vec<char> = text.chars().map(|c| c.to_ascii_uppercase()).collect();
    (0..chars.len()).any(|start| {
        let starts_word = start == 0 || !chars[start - 1].is_ascii_alphanumeric();
        let shape = chars.len() >= start + 4
            && chars[start].is_ascii_uppercase()
            && chars[start + 1].is_ascii_uppercase()
            && chars[start + 2].is_ascii_digit()
            && chars[start + 3].is_ascii_digit();
        if !starts_word || !shape {
            return false;
        }
        // The letters and digits from here on, single spaces between groups allowed.
        let mut body = Vec::new();
        let mut rest = chars[start..].iter().peekable();
        while let Some(&c) = rest.next() {
            if c.is_ascii_alphanumeric() {
                body.push(c);
            } else if c == ' ' && rest.peek().is_some_and(|n| n.is_ascii_alphanumeric()) {
                continue;
            } else {
                break;
            }
        }
        (15..=body.len().min(34)).any(|len| iban_checks(&body[..len]))
    })
}

fn iban_checks(candidate: &[char]) -> bool {
    let rearranged = candidate[4..].iter().chain(&candidate[..4]);
    let mut remainder: u32 = 0;
    for c in rearranged {
        let value = match c.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        for digit in if value >= 10 {
            vec![value / 10, value % 10]
        } else {
            vec![value]
        } {
            remainder = (remainder * 10 + digit) % 97;
        }
    }
    remainder == 1
}

/// Whether `text` looks like bank or payment instructions.
pub fn looks_like_payment_instructions(text: &str) -> bool {
    let folded = fold(text);
    if PHRASES.iter().any(|p| has_word(&folded, p)) {
        return true;
    }
    if has_iban(text) {
        return true;
    }
    longest_number(&folded) >= 8 && BANK_WORDS.iter().any(|w| has_word(&folded, w))
}

#[cfg(test)]
mod tests {
    use super::looks_like_payment_instructions as warns;

    #[test]
    fn changed_bank_details_warn_in_every_language() {
        assert!(warns(
            "Please note our bank details have changed, pay the deposit to the new account."
        ));
        assert!(warns("Chúng tôi đã đổi tài khoản, vui lòng chuyển khoản vào số mới."));
        assert!(warns("chung toi da doi tai khoan")); // typed without diacritics
        assert!(warns("ບໍລິສັດໄດ້ປ່ຽນບັນຊີແລ້ວ ກະລຸນາໂອນເງິນເຂົ້າບັນຊີໃໝ່"));
    }

    #[test]
    fn account_numbers_ibans_and_swift_codes_warn() {
        assert!(warns("Account: 0071 0012 34567, Vietcombank"));
        assert!(warns("STK 19034567891 Techcombank"));
        assert!(warns("Pay to DE89 3704 0044 0532 0130 00 please"));
        assert!(warns("Our SWIFT is BFTVVNVX"));
    }

    #[test]
    fn ordinary_trade_talk_does_not_warn() {
        assert!(!warns(
            "We can ship 500 tonnes of natural rubber SVR 10 through Cầu Treo in March."
        ));
        assert!(!warns("Call me on +84 912 345 678 to discuss the price per tonne."));
        assert!(!warns("Our stock is 12000000 kg of cassava chips")); // a long number, no bank word
        assert!(!warns("ພວກເຮົາມີຢາງພາລາ 300 ໂຕນ ສົ່ງຜ່ານດ່ານນ້ຳພາວ"));
        assert!(!warns("Giá 1.650 USD/tấn FOB, giao hàng tháng 3."));
    }

    #[test]
    fn an_iban_must_pass_its_check_digits() {
        assert!(!warns("Code VN12 ABCD EFGH IJKL MN")); // the shape of an IBAN, wrong check digits
    }
}
