pub mod get_gate;
pub mod get_gate_filters;
pub mod list_gates;
