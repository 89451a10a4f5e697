//! Exact decimal values: `423,3 млн` is 4233 × 10⁵, not 423.3 × 10⁶ in
//! floating point, so base-unit values print as whole numbers.

/// `mant × 10^exp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    /// The digits.
    pub mant: i128,
    /// The power of ten.
    pub exp: i32,
}

impl Decimal {
    /// A whole number.
    pub const fn int(n: i128) -> Decimal {
        Decimal { mant: n, exp: 0 }
    }

    /// Parses `26,5`, `3.5` or `1599059` (no grouping spaces).
    pub fn parse(s: &str) -> Option<Decimal> {
        let (int, frac) = match s.find([',', '.']) {
            Some(i) => (&s[..i], &s[i + 1..]),
            None => (s, ""),
        };
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if !frac.bytes().all(|b| b.is_ascii_digit()) || int.len() + frac.len() > 30 {
            return None;
        }
        // At most 30 digits: no overflow.
        let mant = int
            .bytes()
            .chain(frac.bytes())
            .fold(0i128, |m, b| m * 10 + i128::from(b - b'0'));
        Some(
            Decimal {
                mant,
                exp: -(frac.len() as i32),
            }
            .normal(),
        )
    }

    /// Multiplies by `10^k`.
    pub fn scale(self, k: i32) -> Decimal {
        Decimal {
            mant: self.mant,
            exp: self.exp + k,
        }
        .normal()
    }

    /// Adds another decimal.
    pub fn plus(self, o: Decimal) -> Decimal {
        let e = self.exp.min(o.exp);
        let a = self.mant * 10i128.pow((self.exp - e) as u32);
        let b = o.mant * 10i128.pow((o.exp - e) as u32);
        Decimal {
            mant: a + b,
            exp: e,
        }
        .normal()
    }

    fn normal(mut self) -> Decimal {
        while self.exp < 0 && self.mant != 0 && self.mant % 10 == 0 {
            self.mant /= 10;
            self.exp += 1;
        }
        self
    }

    /// The value as a float (exact for whole numbers below 2⁵³).
    pub fn to_f64(self) -> f64 {
        if self.exp >= 0 {
            (self.mant * 10i128.pow(self.exp as u32)) as f64
        } else {
            self.mant as f64 / 10f64.powi(-self.exp)
        }
    }

    /// Whether the value is whole.
    pub fn is_whole(self) -> bool {
        self.exp >= 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_scaling() {
        let d = Decimal::parse("423,3").unwrap().scale(6);
        assert_eq!(d.to_f64(), 423_300_000.0);
        let d = Decimal::parse("26,5").unwrap().scale(9);
        assert_eq!(d.to_f64(), 26_500_000_000.0);
        assert_eq!(
            Decimal::parse("1,50").unwrap(),
            Decimal { mant: 15, exp: -1 }
        );
        let s = Decimal::int(2).scale(6).plus(Decimal::int(300).scale(3));
        assert_eq!(s.to_f64(), 2_300_000.0);
    }
}
