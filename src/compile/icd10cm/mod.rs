//! ICD-10-CM compile side: tabular XML, order file or order-file addenda → editions → `icd10cm` section.
pub mod addenda;
pub mod build;
pub mod model;
pub mod order;
pub mod refs;
pub mod tabular;

pub use model::{fiscal_year_window, Edition};
