//! ICD-10-CM compile side: tabular XML, order file or order-file addenda → editions → `icd10cm` section.
pub mod addenda;
pub mod build;
pub mod cover;
pub mod model;
pub mod note_refs;
pub mod order;
pub mod qualifier;
pub mod refs;
pub mod resolve;
pub mod tabular;

pub use model::{fiscal_year_window, Edition};
