//! Which I/OCE edits run on a claim: the I/OCE sends each claim down one logic path chosen by
//! its type of bill (first two digits), the OPPS flag and some condition codes (41 partial
//! hospitalization, 89 opioid treatment program, 92 intensive outpatient). Read from the
//! I/OCE's bill-type paths; the condition-code-07 path (antigen, cast or splint services on
//! 22x, 23x, 32x, 72x, 74x, 75x, 81x, 82x) is not modelled: those claims take their bill type's
//! own path here.

/// Bill types every line and code edit of the tables runs on (all processed ones but 43x).
const MOST: [&str; 22] = ["12", "13", "14", "22", "23", "32", "34", "71", "72", "73", "74", "75", "76", "77", "78", "81", "82", "83", "84", "85", "87", "89"];

/// The claim's path.
pub(crate) struct Path {
    /// First two digits of the type of bill; empty when missing.
    pub bill: String,
    pub opps: bool,
    pub cc41: bool,
    pub cc89: bool,
    pub cc92: bool,
    /// The I/OCE internal version.
    pub version: u8,
    /// An OPPS claim with a valid vaccine, antigen, splint, cast or wound-therapy code: on 34x
    /// it runs the OPPS bilateral and "not recognized by OPPS" edits.
    pub opps_34x_services: bool,
    /// [`routed`] for the claim, decided once: every edit asks it.
    pub routed: bool,
}

/// True when the I/OCE has a processing path for a claim of type of bill `bill` (first two
/// digits; some only for OPPS or only for non-OPPS providers); without one only its claim
/// checks run.
pub(crate) fn routed(bill: &str, opps: bool) -> bool {
    match bill {
        "12" | "13" | "14" | "22" | "23" | "32" | "34" | "43" | "71" | "72" | "74" | "75" | "77" | "81" | "82" | "87" => true,
        "76" => opps,
        "73" | "78" | "83" | "84" | "85" | "89" => !opps,
        _ => false,
    }
}

impl Path {
    fn is(&self, bills: &[&str]) -> bool {
        bills.contains(&self.bill.as_str())
    }

    pub fn is12(&self) -> bool {
        self.bill == "12"
    }
    pub fn is13(&self) -> bool {
        self.bill == "13"
    }

    /// True when the I/OCE has a processing path for the claim ([`routed`]).
    pub fn routed(&self) -> bool {
        self.routed
    }

    /// True when I/OCE edit `edit` runs on the claim's path.
    pub fn runs(&self, edit: u16) -> bool {
        if !self.routed() {
            return false;
        }
        let (opps, v) = (self.opps, self.version);
        let (cc41, cc89, cc92) = (self.cc41, self.cc89, self.cc92);
        let b = |bills: &[&str]| self.is(bills);
        match edit {
            // Revenue code validity and recognition, patient age and sex: every path.
            25 | 26 | 41 | 65 => true,
            1 | 2 | 5 | 6 | 7 | 9 | 12 | 50 | 72 | 86 | 112 => b(&MOST),
            22 => b(&MOST),
            113 => v > 76 && b(&MOST),
            13 => opps && (b(&["12", "14", "76"]) || (b(&["13"]) && !cc89)),
            127 => v >= 92 && b(&["12"]),
            102 => b(&["12", "14", "32", "71", "72", "74", "75", "76", "77", "81", "82"]) || (b(&["13", "85"]) && !cc89),
            27 => opps && (b(&["12", "14", "76"]) || (b(&["13"]) && !cc89)),
            18 | 49 => opps && (b(&["12", "76"]) || (b(&["13"]) && !cc89)),
            21 => (opps && b(&["12"])) || (opps && b(&["13"]) && !cc89 && !cc41 && !cc92) || (b(&["85"]) && !cc89),
            28 => b(&["12", "14", "22", "23"]) || (b(&["13", "85"]) && !cc89),
            37 => (opps && b(&["12", "14"])) || (opps && b(&["13"]) && !cc89) || (b(&["85"]) && !cc89),
            48 => b(&["12", "14", "22", "23", "32", "34", "71", "72", "73", "74", "75", "76", "77", "78", "83", "84", "87", "89"]) || (b(&["13"]) && !cc89),
            55 => b(&["14", "22", "23", "32", "34", "43", "71", "72", "73", "74", "75", "76", "77", "78", "81", "82", "84", "87", "89"]) || (b(&["85"]) && cc89),
            61 => b(&["12", "13", "14", "22", "23", "71", "72", "73", "74", "75", "76", "77", "78", "83", "84", "85", "87", "89"]),
            76 => (b(&["12"]) && opps) || (b(&["13"]) && !(cc41 || cc92 || cc89)) || (b(&["85"]) && !cc89),
            62 => opps && (b(&["12", "14"]) || (b(&["13"]) && !cc89) || (b(&["34"]) && self.opps_34x_services)),
            74 => b(&["12", "14"]) || (b(&["13", "85"]) && !cc89) || (b(&["34"]) && opps && self.opps_34x_services),
            17 => b(&["12"]) || (b(&["13", "85"]) && !cc89) || (b(&["34"]) && opps && self.opps_34x_services),
            82 => b(&["12", "83"]) || (b(&["13"]) && !(cc41 || cc92 || cc89)) || (b(&["85"]) && !cc89),
            92 => opps && (b(&["12"]) || (b(&["13"]) && !cc89)),
            135 => v > 93 && opps && (b(&["12"]) || (b(&["13"]) && !cc89)),
            // NCCI add-on edits (type I/III, II, drug administration): non-OPPS hospital claims
            // and the other bill types' paths.
            106..=108 => {
                v > 70 && (b(&["34"]) || (!opps && b(&["12", "13", "14"])) || b(&["22", "23", "32", "71", "72", "73", "74", "75", "77", "78", "81", "82", "83", "84", "85", "87", "89"]))
            }
            // ioce-b: NCCI (20, 40), observation (44, 51, 53, 58) and blood (43, 73, 79).
            20 | 40 => b(&["12", "13", "14", "22", "23", "32", "34", "72", "73", "74", "75", "76", "78", "81", "82", "83", "84", "85", "87", "89"]),
            44 => (b(&["13"]) && !(cc41 || cc89 || cc92)) || (b(&["85"]) && !cc89),
            51 => (opps && b(&["13"]) && !(cc41 || cc89 || cc92)) || (b(&["85"]) && !cc89),
            53 => (b(&["13"]) && cc89) || b(&["12", "14", "22", "23", "32", "34", "71", "72", "73", "74", "75", "76", "77", "78", "81", "82", "83", "84", "87", "89"]),
            58 => (opps && (b(&["12"]) || (b(&["13"]) && !cc89))) || (b(&["85"]) && !cc89),
            43 => opps && (b(&["12", "76"]) || (b(&["13"]) && !cc89) || (b(&["34"]) && self.opps_34x_services)),
            73 => opps && (b(&["12"]) || (b(&["13"]) && !(cc41 || cc89 || cc92))),
            79 => b(&["12", "73", "83"]) || (opps && b(&["13"]) && !(cc41 || cc89 || cc92)) || (b(&["85"]) && !cc89),
            // ioce-b: transplant (93, 100) and drug (111, 117) edits; 111 skips 77x with condition code 65.
            93 | 100 => b(&["12"]) || (b(&["13"]) && !(cc41 || cc89 || cc92)) || (b(&["85"]) && !cc89),
            111 => b(&["12", "22", "23", "32", "34", "71", "72", "74", "75", "76", "77", "78", "81", "82", "83", "84"]) || (b(&["13", "85"]) && !cc89),
            117 => v > 83 && opps && b(&["12", "13", "76"]),
            // ioce-b: modifier edits PT (120), IMRT (125), telehealth (126), PN (101).
            120 => b(&["12"]) || (b(&["13"]) && !(cc41 || cc89 || cc92)) || (b(&["85"]) && !cc89),
            125 => opps && (b(&["12"]) || (b(&["13"]) && !(cc41 || cc89 || cc92))),
            126 => v > 91 && b(&["85"]),
            101 => v > 65 && opps && (b(&["76"]) || (b(&["13"]) && !cc89)),
            // ioce-b: devices (38, 137), skin substitutes (87), drugs (138).
            38 => opps && (b(&["12"]) || (b(&["13"]) && !cc89)),
            137 => opps && ((b(&["12"]) && v > 97) || (b(&["13"]) && !(cc41 || cc89 || cc92))),
            87 => b(&["12", "83"]) || (b(&["13"]) && !(cc41 || cc89 || cc92)) || (b(&["85"]) && !cc89),
            138 => v > 97 && opps && (b(&["12", "76"]) || (b(&["13"]) && !cc89)),
            // ioce-c: 98 = the device offset pairs (edit 98's non-opioid device part runs on 137's
            // path); 99 = the drug check before packaging (its non-opioid drug part: 138's path).
            98 => opps && (b(&["12"]) || (b(&["13"]) && !(cc41 || cc89 || cc92))),
            99 => opps && (b(&["12", "76"]) || (b(&["13"]) && !cc89)),
            _ => false,
        }
    }

    /// The software-as-a-service add-on edit (106) on OPPS hospital outpatient claims.
    pub fn saas_addon(&self) -> bool {
        self.opps && self.version > 89 && self.is(&["13"]) && !self.cc89 && !self.cc41 && !self.cc92
    }

    /// The remote mental-health add-on edit (106) on OPPS hospital claims.
    pub fn remote_mental_health_addon(&self) -> bool {
        self.opps && self.version > 89 && (self.is(&["12"]) || (self.is(&["13"]) && !self.cc89))
    }

    /// 85x (critical access hospital): add-on primaries and visits follow the facility /
    /// professional split of revenue codes 096x-098x, and J2 visits count for edit 21.
    pub fn critical_access(&self) -> bool {
        self.is(&["85"])
    }
}
