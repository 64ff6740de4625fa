pub mod get_home;
