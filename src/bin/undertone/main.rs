//! The `undertone` command (being written).
fn main() {
    let text = std::io::read_to_string(std::io::stdin()).unwrap_or_default();
    let a = undertone::analyze(&text);
    println!("{} {:.2}", a.band.label(), a.score);
}
