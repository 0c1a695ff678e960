// The search relevance table, shared by the native test (tests/search_relevance.rs) and the
// wasm test in headless Chromium (tests/wasm_engine.rs) through `include!`.

/// (query, expected code pattern (`*` = any characters), must be within top N).
const CASES: &[(&str, &str, usize)] = &[
    ("bacterial pneumonia", "J15.9", 3),
    ("type 2 diabetes without complications", "E11.9", 1),
    ("right femoral neck fracture initial", "S72.0*A", 10),
    ("k35.2", "K35.2", 1),
    ("K352", "K35.2", 1),
    ("htn", "I10", 1),
    ("HTN", "I10", 1),
    ("DM2 w CKD", "E11.22", 1),
    ("dm2 w ckd", "E11.22", 1),
    ("copd", "J44.9", 1),
    ("chf", "I50.9", 1),
    ("uti", "N39.0", 1),
    ("copd exac", "J44.1", 3),
    ("pneumonai", "J18.9", 10),
    ("e11.9", "E11.9", 1),
    ("I10", "I10", 1),
    ("z00.00", "Z00.00", 1),
    ("essential hypertension", "I10", 1),
    ("acute appendicitis", "K35.80", 5),
    ("asthma", "J45.909", 10),
    ("low back pain", "M54.50", 3),
    ("lbp", "M54.50", 3),
    ("headache", "R51.9", 3),
    ("chest pain", "R07.9", 3),
    ("atrial fibrillation", "I48.91", 5),
    ("afib", "I48.91", 5),
    ("hyperlipidemia", "E78.5", 3),
    ("ckd stage 3", "N18.3*", 5),
    ("depression", "F32.A", 10),
    ("major depressive disorder recurrent", "F33.9", 10),
    ("anxiety", "F41.9", 5),
    ("obesity", "E66.9", 5),
    ("vitamin d deficiency", "E55.9", 3),
    ("hypothyroidism", "E03.9", 3),
    ("urinary tract infection", "N39.0", 3),
    ("dm2", "E11.9", 10),
    ("gerd", "K21.9", 5),
    ("sepsis", "A41.9", 5),
    ("acute kidney failure", "N17.9", 3),
    ("aki", "N17.9", 3),
    ("covid", "U07.1", 3),
    ("dementia", "F03.90", 10),
    ("osteoarthritis knee", "M17.*", 10),
    ("fx left wrist", "S62.*", 10),
    ("abdominal pain", "R10.9", 3),
    ("shortness of breath", "R06.02", 3),
    ("sob", "R06.02", 3),
    ("nausea with vomiting", "R11.2", 3),
    ("mi", "I21.9", 10),
    ("fractrue of femur", "S72.*", 10),
    ("diabetes mellitus type 1", "E10.9", 10),
    ("crohns disease", "K50.90", 5),
    ("alzheimers", "G30.9", 5),
    ("menieres", "H81.0*", 10),
    ("pneumonia", "J18.9", 10),
    ("bronchopneumonia", "J18.0", 3),
];

/// Cases that need HCPCS Level II or modifier documents in the blob.
const HCPCS_CASES: &[(&str, &str, usize)] = &[
    ("wheelchair", "[EK]*", 10),
    ("E0100", "E0100", 1),
    ("cane", "E01*", 10),
    ("walker", "E01*", 10),
    ("oxygen concentrator", "E1390", 10),
    ("glucose test strips", "A4253", 10),
];
const MODIFIER_CASES: &[(&str, &str, usize)] = &[("lt", "LT", 1), ("rt", "RT", 1), ("separate encounter", "XE", 3)];

/// Glob match with `*` (any run) and `[AB]` (one of).
fn glob(p: &str, s: &str) -> bool {
    fn go(p: &[u8], s: &[u8]) -> bool {
        match p.first() {
            None => s.is_empty(),
            Some(b'*') => (0..=s.len()).any(|i| go(&p[1..], &s[i..])),
            Some(b'[') => {
                let close = p.iter().position(|&c| c == b']').unwrap();
                !s.is_empty() && p[1..close].contains(&s[0]) && go(&p[close + 1..], &s[1..])
            }
            Some(c) => s.first() == Some(c) && go(&p[1..], &s[1..]),
        }
    }
    go(p.as_bytes(), s.as_bytes())
}

