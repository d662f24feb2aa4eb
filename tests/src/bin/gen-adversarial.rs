//! Writes every adversarial compiler input (`mpy_tests::adversarial::cases`) to a directory as `<name>.py`.

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: gen-adversarial DIR");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for case in mpy_tests::adversarial::cases() {
        let path = dir.join(format!("{}.py", case.name));
        if let Err(e) = std::fs::write(&path, case.source()) {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
        println!("{}", path.display());
    }
}
