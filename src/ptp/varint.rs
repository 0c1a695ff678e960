//! LEB128 varints, the row coding of the PTP tables. Decoding never panics.

/// Reads one varint at `*pos`, advancing it; `None` on truncation or overflow.
#[inline]
pub fn read(bytes: &[u8], pos: &mut usize) -> Option<u32> {
    let mut value: u32 = 0;
    let mut shift: u32 = 0;
    loop {
        let b = *bytes.get(*pos)?;
        *pos = pos.checked_add(1)?;
        value |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(value);
        }
        shift = shift.checked_add(7)?;
        if shift > 28 {
            return None;
        }
    }
}

/// Appends one varint (compile side).
#[cfg(feature = "compile")]
pub fn write(out: &mut Vec<u8>, mut value: u32) {
    #![allow(clippy::arithmetic_side_effects)]
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

#[cfg(all(test, feature = "compile"))]
mod tests {
    #[test]
    fn round_trip_and_truncation() {
        let mut out = Vec::new();
        for v in [0u32, 1, 127, 128, 300, 65_535, u32::MAX] {
            out.clear();
            super::write(&mut out, v);
            let mut pos = 0;
            assert_eq!(super::read(&out, &mut pos), Some(v));
            assert_eq!(pos, out.len());
            let mut pos = 0;
            assert_eq!(super::read(&out[..out.len() - 1], &mut pos), if out.len() == 1 { None } else { None });
        }
        let mut pos = 0;
        assert_eq!(super::read(&[0xff; 6], &mut pos), None);
    }
}
