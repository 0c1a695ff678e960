//! FQHC (77x) visit payment codes, as the I/OCE reads them: the five G codes an FQHC bills a
//! visit with, and which services qualify each as a visit (`map_fqhc_visit`, a versioned table
//! of the `ioce` section).
use super::data::IoceData;

/// An FQHC visit payment code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PaymentCode {
    /// G0468: initial preventive physical examination or annual wellness visit.
    Wellness,
    /// G0466: medical visit, new patient.
    MedicalNew,
    /// G0467: medical visit, established patient.
    MedicalEstablished,
    /// G0469: mental-health visit, new patient.
    MentalHealthNew,
    /// G0470: mental-health visit, established patient.
    MentalHealthEstablished,
}

impl PaymentCode {
    /// The payment code a HCPCS code is, if any. The order of the variants is the I/OCE's
    /// order of choice among the visits of a day.
    pub fn of(code: &str) -> Option<PaymentCode> {
        Some(match code {
            "G0468" => PaymentCode::Wellness,
            "G0466" => PaymentCode::MedicalNew,
            "G0467" => PaymentCode::MedicalEstablished,
            "G0469" => PaymentCode::MentalHealthNew,
            "G0470" => PaymentCode::MentalHealthEstablished,
            _ => return None,
        })
    }

    /// True for the mental-health visits (G0469, G0470).
    pub fn mental_health(self) -> bool {
        matches!(self, PaymentCode::MentalHealthNew | PaymentCode::MentalHealthEstablished)
    }

    /// True when the visit may be billed under `revenue` (four digits): 0519..0529 for a
    /// medical visit, 0519 or 0900 for a mental-health visit.
    pub fn revenue_fits(self, revenue: u16) -> bool {
        if self.mental_health() {
            matches!(revenue, 519 | 900)
        } else {
            (519..=529).contains(&revenue)
        }
    }
}

impl IoceData<'_> {
    /// True when `service` qualifies the FQHC visit payment code `payment` as a visit in
    /// `version` (`map_fqhc_visit`).
    pub fn qualifies_fqhc_visit(&self, payment: &str, service: &str, version: u8) -> bool {
        payment.len() == 5 && service.len() == 5 && self.s.fqhc_visits.get(format!("{payment}{service}").as_bytes(), version).is_some()
    }
}
