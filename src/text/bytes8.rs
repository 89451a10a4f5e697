//! Counts and tests over the eight bytes of a `u64`, each byte on its
//! own (no carry crosses from one byte into the next): how the letters
//! of a text's head are counted eight bytes at once.

const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// `b` in every byte.
const fn splat(b: u8) -> u64 {
    b as u64 * 0x0101_0101_0101_0101
}

/// The high bit of each byte that is zero.
fn zero(x: u64) -> u64 {
    !(((x & LOW7) + LOW7) | x) & HIGH
}

/// How many bytes have their high bit set in `m`, which has no other
/// bit set: summed by one multiplication into the top byte (`count_ones`
/// is a long sequence on CPUs without `popcnt`).
fn count(m: u64) -> usize {
    ((m >> 7).wrapping_mul(splat(1)) >> 56) as usize
}

/// Continuation bytes (`10xxxxxx`).
pub fn continuation(w: u64) -> usize {
    count(w & !(w << 1) & HIGH)
}

/// ASCII letters: a byte below `80` that, with bit 5 set, lies in
/// `a`–`z`.
pub fn ascii_letters(w: u64) -> usize {
    count(letters(w))
}

/// The high bit of each ASCII letter.
fn letters(w: u64) -> u64 {
    let y = (w | splat(0x20)) & LOW7;
    let from_a = y + splat(0x80 - b'a');
    let past_z = y + splat(0x80 - b'z' - 1);
    from_a & !past_z & !w & HIGH
}

/// First bytes of U+0400–U+04FF (`D0`–`D3`).
pub fn cyrillic_leads(w: u64) -> usize {
    count(zero((w & splat(0xfc)) ^ splat(0xd0)))
}
