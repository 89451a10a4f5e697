//! The classes of counted things the rules know by name: Russian lemmas,
//! the ids that every language's `units.tsv` maps its units to.

/// Projects.
pub const PROJECT: &str = "проект";
/// Enterprises.
pub const ENTERPRISE: &str = "предприятие";
/// Pieces.
pub const PIECE: &str = "штука";
/// Manufactured items.
pub const ITEM: &str = "изделие";
/// People.
pub const PERSON: &str = "человек";
/// Places (seats, berths, jobs).
pub const PLACE: &str = "место";
/// Jobs.
pub const JOB: &str = "рабочее место";
/// Vehicles.
pub const VEHICLE: &str = "автомобиль";
/// Pairs.
pub const PAIR: &str = "пара";
/// Machinery.
pub const MACHINERY: &str = "техника";
/// Machines.
pub const MACHINE: &str = "машина";
/// Sets, kits.
pub const KIT: &str = "комплект";

/// Whether a class counts plants or projects (`134 предприятий`).
pub fn is_plants(c: Option<&str>) -> bool {
    matches!(c, Some(PROJECT | ENTERPRISE))
}
