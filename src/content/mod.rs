//! Writing portfolio and catalog files rather than reading them: the catalogs shipped
//! in the binary, `init`'s starting portfolio, the importers (Grundschutz++, PSPLIB),
//! and the YAML writer they share.

pub mod catalogs;
pub mod emit;
pub mod import;
pub mod init;
