//! The blob's CRC-32 (IEEE 802.3: reflected, polynomial 0xEDB88320, as zip and gzip use),
//! sixteen bytes at a time ("slice-by-16"). The sixteen lookup tables (16 KB) are computed on
//! first use instead of being compiled in: as static data they were 16 KB of the wasm
//! module that brotli cannot shrink. Same speed as the crc32fast crate's portable path; a
//! test holds it to that crate.
use std::sync::OnceLock;

type Table = [u32; 256];

/// Table k gives the CRC of a byte followed by k zero bytes.
fn tables() -> &'static [Table; 16] {
    static TABLES: OnceLock<Box<[Table; 16]>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Box::new([[0u32; 256]; 16]);
        let mut first = [0u32; 256];
        for (n, slot) in (0u32..).zip(first.iter_mut()) {
            *slot = (0..8).fold(n, |c, _| if c & 1 == 1 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 });
        }
        let mut prev = first;
        for table in t.iter_mut() {
            *table = prev;
            for (slot, &p) in prev.iter_mut().zip(table.iter()) {
                *slot = (p >> 8) ^ at(&first, p as u8);
            }
        }
        t
    })
}

/// `table[i]`; a byte index is always in range (the check compiles away).
#[inline(always)]
fn at(table: &Table, i: u8) -> u32 {
    table.get(usize::from(i)).copied().unwrap_or(0)
}

/// The CRC-32 of `bytes`.
pub fn hash(bytes: &[u8]) -> u32 {
    let [t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15] = tables();
    let mut crc = !0u32;
    let mut chunks = bytes.chunks_exact(16);
    for chunk in &mut chunks {
        let Ok([b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15]) = <[u8; 16]>::try_from(chunk) else { continue };
        let [x0, x1, x2, x3] = (crc ^ u32::from_le_bytes([b0, b1, b2, b3])).to_le_bytes();
        crc = at(t15, x0)
            ^ at(t14, x1)
            ^ at(t13, x2)
            ^ at(t12, x3)
            ^ at(t11, b4)
            ^ at(t10, b5)
            ^ at(t9, b6)
            ^ at(t8, b7)
            ^ at(t7, b8)
            ^ at(t6, b9)
            ^ at(t5, b10)
            ^ at(t4, b11)
            ^ at(t3, b12)
            ^ at(t2, b13)
            ^ at(t1, b14)
            ^ at(t0, b15);
    }
    for &b in chunks.remainder() {
        crc = (crc >> 8) ^ at(t0, (crc as u8) ^ b);
    }
    !crc
}

#[cfg(test)]
mod tests {
    #[test]
    fn agrees_with_crc32fast() {
        assert_eq!(super::hash(b""), 0);
        assert_eq!(super::hash(b"123456789"), 0xCBF4_3926, "the CRC-32 check value");
        let data: Vec<u8> = (0u32..100_000).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        for len in (0..64).chain([1000, 4095, 4096, 4097, 99_999, 100_000]) {
            for start in [0, 1, 7] {
                let s = data.get(start..len.max(start)).unwrap_or(&[]);
                assert_eq!(super::hash(s), crc32fast::hash(s), "{start}..{len}");
            }
        }
    }
}
