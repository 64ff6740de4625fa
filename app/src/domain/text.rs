//! Free text typed by users, checked the same way everywhere. A *line* (a name, a title, a
//! place) is one line: it ends up in mail subjects, page titles, CSV cells and HTTP headers,
//! so it refuses every control character (CR/LF would start a new header line). A *block*
//! (a description) keeps newlines and tabs and refuses the other control characters.
use crate::errors::AppError;
use crate::i18n::Msg;

/// What is wrong with a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    TooLong,
    ControlChars,
}

impl TextProblem {
    pub fn msg(self) -> Msg {
        match self {
            TextProblem::TooLong => Msg::ErrTooLong,
            TextProblem::ControlChars => Msg::ErrControlChars,
        }
    }

    pub fn into_error(self, field: &str) -> AppError {
        AppError::invalid(field, self.msg())
    }
}

fn checked(value: &str, max_chars: usize, allowed: fn(char) -> bool) -> Result<Option<String>, TextProblem> {
    let value = value.trim();
    if value.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(TextProblem::ControlChars);
    }
    if value.chars().count() > max_chars {
        return Err(TextProblem::TooLong);
    }
    Ok((!value.is_empty()).then(|| value.to_owned()))
}

/// One line of text, trimmed; `None` when empty.
pub fn line(value: &str, max_chars: usize) -> Result<Option<String>, TextProblem> {
    checked(value, max_chars, |_| false)
}

/// Several lines of text, trimmed, with Windows line ends made `\n`; `None` when empty.
pub fn block(value: &str, max_chars: usize) -> Result<Option<String>, TextProblem> {
    checked(value, max_chars, |c| matches!(c, '\n' | '\r' | '\t')).map(|v| v.map(|v| v.replace("\r\n", "\n")))
}

/// A multi-line field of a form: at most `max` characters, required or not; its problem is
/// reported on `field`.
pub fn field_block(value: &str, field: &str, max: usize, required: bool) -> Result<String, AppError> {
    form_field(block(value, max), field, required)
}

/// A one-line field of a form: at most `max` characters, required or not; its problem is
/// reported on `field`.
pub fn field_line(value: &str, field: &str, max: usize, required: bool) -> Result<String, AppError> {
    form_field(line(value, max), field, required)
}

/// An optional one-line field of a form: `None` when left empty.
pub fn optional_line(value: &str, field: &str, max: usize) -> Result<Option<String>, AppError> {
    let value = field_line(value, field, max, false)?;
    Ok((!value.is_empty()).then_some(value))
}

fn form_field(checked: Result<Option<String>, TextProblem>, field: &str, required: bool) -> Result<String, AppError> {
    let value = checked
        .map_err(|problem| problem.into_error(field))?
        .unwrap_or_default();
    if required && value.is_empty() {
        return Err(AppError::invalid(field, Msg::ErrRequired));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_refuses_line_breaks_and_every_other_control_character() {
        for bad in [
            "Acme\r\nBcc: x@evil.example",
            "Acme\nX",
            "Acme\rX",
            "Acme\tX",
            "A\u{0}B",
            "A\u{1b}[31mB",
            "A\u{85}B",
        ] {
            assert_eq!(line(bad, 100), Err(TextProblem::ControlChars), "{bad:?}");
        }
        assert_eq!(
            line("  Hung-Aloun Logistics ", 100),
            Ok(Some("Hung-Aloun Logistics".into()))
        );
        assert_eq!(line("   ", 100), Ok(None));
        assert_eq!(line("ບໍລິສັດ ຫຸ່ງອາລຸນ", 5), Err(TextProblem::TooLong));
    }

    #[test]
    fn a_block_keeps_newlines_and_tabs_only() {
        assert_eq!(block("a\r\nb\tc", 100), Ok(Some("a\nb\tc".into())));
        assert_eq!(block("a\u{7}b", 100), Err(TextProblem::ControlChars));
    }
}
