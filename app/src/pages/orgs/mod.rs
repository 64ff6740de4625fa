pub mod accept;
pub mod edit;
pub mod form;
pub mod members;
pub mod new;
pub mod profile;
pub mod tokens;

use crate::i18n::Msg;

pub fn kind_label(code: &str) -> Msg {
    match code {
        "investor" => Msg::OrgKindInvestor,
        "logistics" => Msg::OrgKindLogistics,
        "embassy" => Msg::OrgKindEmbassy,
        "government" => Msg::OrgKindGovernment,
        "chamber" => Msg::OrgKindChamber,
        _ => Msg::OrgKindCompany,
    }
}

pub fn role_label(code: &str) -> Msg {
    match code {
        "owner" => Msg::RoleOwner,
        "editor" => Msg::RoleEditor,
        _ => Msg::RoleViewer,
    }
}

pub const SECTORS: [(&str, Msg); 8] = [
    ("energy", Msg::SectorEnergy),
    ("mining", Msg::SectorMining),
    ("agriculture", Msg::SectorAgriculture),
    ("manufacturing", Msg::SectorManufacturing),
    ("logistics", Msg::SectorLogistics),
    ("import_export", Msg::SectorImportExport),
    ("infrastructure", Msg::SectorInfrastructure),
    ("tourism", Msg::SectorTourism),
];

/// Working languages, each named in itself.
pub const LANGUAGES: [(&str, &str); 5] = [
    ("vi", "Tiếng Việt"),
    ("lo", "ພາສາລາວ"),
    ("en", "English"),
    ("th", "ภาษาไทย"),
    ("zh", "中文"),
];

pub fn sector_label(code: &str) -> Option<Msg> {
    SECTORS.iter().find(|(c, _)| *c == code).map(|(_, m)| *m)
}

pub const KINDS: [&str; 6] = ["company", "investor", "logistics", "embassy", "government", "chamber"];
pub const ROLES: [&str; 3] = ["owner", "editor", "viewer"];
