pub mod get_board;
pub mod board_queue;
