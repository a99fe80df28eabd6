//! Dates: `YYYY-MM-DD`, or an RFC 3339 date-time.

use super::Date;

/// Parses `YYYY-MM-DD` or an RFC 3339 date-time's date part.
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days_in_month {
        return None;
    }
    let rest = &text[10..];
    if !rest.is_empty() && !is_rfc3339_time(rest) {
        return None;
    }
    Some(Date {
        year: year as u16,
        month: month as u8,
        day: day as u8,
    })
}

/// `Thh:mm:ss[.frac](Z|±hh:mm)`
fn is_rfc3339_time(rest: &str) -> bool {
    let b = rest.as_bytes();
    let two = |i: usize, max: u8| {
        b.len() >= i + 2
            && b[i].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && (b[i] - b'0') * 10 + (b[i + 1] - b'0') <= max
    };
    if b.len() < 9 || !(b[0] == b'T' || b[0] == b't' || b[0] == b' ') {
        return false;
    }
    if !(two(1, 23) && b[3] == b':' && two(4, 59) && b[6] == b':' && two(7, 60)) {
        return false;
    }
    let mut i = 9;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match &b[i..] {
        [b'Z'] | [b'z'] => true,
        [sign, _, _, b':', _, _] if *sign == b'+' || *sign == b'-' => {
            two(i + 1, 23) && two(i + 4, 59)
        }
        _ => false,
    }
}
