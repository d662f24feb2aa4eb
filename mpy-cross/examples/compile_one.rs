//! Dev tool: compile one file with `mpy_cross::compile` (`compile_one IN OUT [-s NAME] [-O N] [--no-lines] [--bits N]`).

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: compile_one IN OUT [-s NAME] [-O N] [--no-lines] [--bits N]");
        std::process::exit(2);
    };
    let mut options = mpy_cross::CompileOptions {
        source_name: input.clone(),
        ..Default::default()
    };
    let mut i = 3;
    while i < args.len() {
        match args[i].as_str() {
            "-s" => {
                i += 1;
                options.source_name = args.get(i).cloned().unwrap_or_default();
            }
            "-O" => {
                i += 1;
                options.optimize = args.get(i).and_then(|s| s.parse().ok()).unwrap_or(0);
            }
            "--bits" => {
                i += 1;
                options.small_int_bits = args.get(i).and_then(|s| s.parse().ok()).unwrap_or(31);
            }
            "--no-lines" => options.source_lines = false,
            "--march" => {
                i += 1;
                options.arch = args.get(i).and_then(|s| mpy_cross::Arch::from_name(s));
            }
            "--emit" => {
                i += 1;
                options.emit = match args.get(i).map(String::as_str) {
                    Some("native") => mpy_cross::EmitMode::Native,
                    Some("viper") => mpy_cross::EmitMode::Viper,
                    _ => mpy_cross::EmitMode::Bytecode,
                };
            }
            other => eprintln!("ignored argument {other}"),
        }
        i += 1;
    }
    let source = std::fs::read(input).unwrap_or_else(|e| {
        eprintln!("{input}: {e}");
        std::process::exit(1);
    });
    match mpy_cross::compile(&source, &options) {
        Ok(bytes) => {
            if let Err(e) = std::fs::write(output, bytes) {
                eprintln!("{output}: {e}");
                std::process::exit(1);
            }
        }
        Err(e) => {
            eprintln!("line {}: {e}", e.line);
            std::process::exit(1);
        }
    }
}
