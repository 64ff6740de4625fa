pub mod board_queue;
pub mod get_board;
