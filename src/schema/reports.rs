//! The schemas of the JSON reports: each is the schema of its report type inside the
//! common envelope, with `format_version` and `command` fixed to their values.

use super::Kind;
use crate::report::json::{
    CatalogListReport, CatalogShowReport, CheckReport, CompareReport, Envelope, ExplainReport,
    FORMAT_VERSION, FrontierReport, PlanReport, ProfileReport, RankReport, SweepReport,
};
use schemars::Schema;
use serde_json::json;

/// The schema of a report kind (a file-format kind gives an empty schema).
pub(super) fn schema(kind: Kind) -> Schema {
    let Some(command) = kind.command() else {
        return Schema::default();
    };
    let schema = match kind {
        Kind::PlanReport => schemars::schema_for!(Envelope<PlanReport>),
        Kind::RankReport => schemars::schema_for!(Envelope<RankReport>),
        Kind::CheckReport => schemars::schema_for!(Envelope<CheckReport>),
        Kind::CompareReport => schemars::schema_for!(Envelope<CompareReport>),
        Kind::ExplainReport => schemars::schema_for!(Envelope<ExplainReport>),
        Kind::FrontierReport => schemars::schema_for!(Envelope<FrontierReport>),
        Kind::ProfileReport => schemars::schema_for!(Envelope<ProfileReport>),
        Kind::SweepReport => schemars::schema_for!(Envelope<SweepReport>),
        Kind::CatalogListReport => schemars::schema_for!(Envelope<CatalogListReport>),
        Kind::CatalogShowReport => schemars::schema_for!(Envelope<CatalogShowReport>),
        Kind::WeightsReport => schemars::schema_for!(Envelope<crate::report::json::WeightsReport>),
        Kind::SimulateReport => {
            schemars::schema_for!(Envelope<crate::report::json::SimulateReport>)
        }
        Kind::RobustnessReport => {
            schemars::schema_for!(Envelope<crate::report::json::RobustnessReport>)
        }
        Kind::BudgetReport => schemars::schema_for!(Envelope<crate::report::json::BudgetReport>),
        Kind::StatusReport => schemars::schema_for!(Envelope<crate::report::json::StatusReport>),
        Kind::Portfolio | Kind::Catalog | Kind::Scenario => Schema::default(),
    };
    fixed(schema, command)
}

/// Titles the schema and fixes the envelope's `format_version` and `command`.
fn fixed(mut schema: Schema, command: &str) -> Schema {
    schema.insert(
        "title".to_owned(),
        json!(format!(
            "resiplan {command} report (JSON format version {FORMAT_VERSION})"
        )),
    );
    schema.insert(
        "description".to_owned(),
        json!(format!(
            "What `resiplan {command} --format json` writes: the envelope every JSON report \
             shares (`format_version`, `tool`, `command`, `language`, `provenance`), then the \
             command's own fields. Measures, resources and periods appear by id and label."
        )),
    );
    if let Some(properties) = schema
        .get_mut("properties")
        .and_then(serde_json::Value::as_object_mut)
    {
        properties.insert(
            "format_version".to_owned(),
            json!({ "description": "Version of the JSON layout.", "const": FORMAT_VERSION }),
        );
        properties.insert(
            "command".to_owned(),
            json!({ "description": "The command that wrote the document.", "const": command }),
        );
    }
    schema
}
