//! Manifest evaluation (after tools/manifestfile.py `ManifestFile` in freeze mode): the manifest
//! API — `metadata`, `include`, `require`, `add_library`, `package`, `module`, `c_module`,
//! `freeze`, `freeze_as_str`, `freeze_as_mpy`, `freeze_mpy`, `options` — over a safe evaluator of
//! the Python subset manifests are written in (see [`syntax`]). Nothing is ever executed as
//! Python; anything outside the subset is an error naming the file and line.
//!
//! Directory walks visit entries in the file system's order, as the reference's `os.walk` does
//! (`WalkOrder::Sorted` sorts them by name, for output that is the same on every machine).
//! Difference from the reference: `freeze(path, script)` resolves
//! `$(VAR)` in `path` before testing whether `script` is a directory.

pub mod syntax;

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};

use syntax::{parse, Expr, Stmt, StmtKind};

use crate::error::{Error, Result};
use crate::project::{walk, FileKind, SourceFile, WalkOrder};

/// micropython-lib's libraries searched by `require()` when `MPY_LIB_DIR` is set.
const BASE_LIBRARY_NAMES: [&str; 3] = ["micropython", "python-stdlib", "python-ecosys"];

/// How deep `include`/`require` may nest.
const MAX_INCLUDE_DEPTH: usize = 32;

/// A manifest value.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Value>),
    Tuple(Vec<Value>),
    /// The `options` object of the current manifest.
    Options,
    /// A manifest API function (or `options.defaults`), by name.
    Function(&'static str),
    /// What `metadata()` returns.
    Metadata,
}

impl Value {
    fn truthy(&self) -> bool {
        match self {
            Self::None => false,
            Self::Bool(b) => *b,
            Self::Int(i) => *i != 0,
            Self::Float(f) => *f != 0.0,
            Self::Str(s) => !s.is_empty(),
            Self::List(v) | Self::Tuple(v) => !v.is_empty(),
            Self::Options | Self::Function(_) | Self::Metadata => true,
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Self::None => "None",
            Self::Bool(_) => "bool",
            Self::Int(_) => "int",
            Self::Float(_) => "float",
            Self::Str(_) => "str",
            Self::List(_) => "list",
            Self::Tuple(_) => "tuple",
            Self::Options => "options",
            Self::Function(_) => "function",
            Self::Metadata => "metadata",
        }
    }
}

/// Package metadata (`metadata()`); files keep the index of the one in force when added.
#[derive(Clone, Debug, Default)]
struct Metadata {
    initialised: bool,
    version: Option<String>,
}

/// One manifest being executed: its file, directory, options and local variables.
struct Frame {
    file: PathBuf,
    dir: PathBuf,
    options: BTreeMap<String, Value>,
    defaults: BTreeMap<String, Value>,
    locals: BTreeMap<String, Value>,
}

/// A manifest evaluation: the files collected, the libraries and the visited manifests.
pub struct Manifest {
    vars: Vec<(String, String)>,
    files: Vec<(SourceFile, usize)>,
    metadata: Vec<Metadata>,
    metadata_stack: Vec<usize>,
    libraries: BTreeMap<String, PathBuf>,
    library_dirs: Vec<PathBuf>,
    visited: HashSet<PathBuf>,
    c_modules: Vec<PathBuf>,
    depth: usize,
    order: WalkOrder,
}

/// Lexically normalise an absolute path (`os.path.abspath`).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// A hint for a path that still contains `$(VAR)` after substitution.
fn unresolved_hint(path: &Path) -> String {
    let text = path.to_string_lossy();
    match text.find("$(") {
        Some(start) => {
            let var: String = text[start + 2..]
                .chars()
                .take_while(|c| *c != ')')
                .collect();
            format!(" (unresolved variable $({var}): pass -v {var}=VALUE)")
        }
        None => String::new(),
    }
}

fn cwd() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"))
}

/// Bound positional and keyword arguments of an API call.
struct Args {
    values: Vec<Option<Value>>,
    extra: Vec<(String, Value)>,
}

impl Args {
    fn take(&mut self, i: usize) -> Option<Value> {
        self.values
            .get_mut(i)
            .and_then(Option::take)
            .filter(|v| *v != Value::None)
    }
}

impl Manifest {
    /// A new evaluation with `$(VAR)` values (as `makemanifest.py -v`: values naming existing
    /// paths become absolute). With `MPY_LIB_DIR`, micropython-lib's libraries are registered.
    #[must_use]
    pub fn new(vars: &[(String, String)]) -> Self {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(name, value)| {
                let path = Path::new(value);
                let value = if path.exists() {
                    normalize(&cwd().join(path)).to_string_lossy().into_owned()
                } else {
                    value.clone()
                };
                (name.clone(), value)
            })
            .collect();
        let mut manifest = Self {
            vars,
            files: Vec::new(),
            metadata: vec![Metadata::default()],
            metadata_stack: vec![0],
            libraries: BTreeMap::new(),
            library_dirs: Vec::new(),
            visited: HashSet::new(),
            c_modules: Vec::new(),
            depth: 0,
            order: WalkOrder::default(),
        };
        if manifest
            .vars
            .iter()
            .any(|(n, v)| n == "MPY_LIB_DIR" && !v.is_empty())
        {
            for lib in BASE_LIBRARY_NAMES {
                let path = manifest.resolve(&format!("$(MPY_LIB_DIR)/{lib}"), &cwd());
                manifest.libraries.insert(lib.to_string(), path.clone());
                manifest.library_dirs.push(path);
            }
        }
        manifest
    }

    /// Visit directory entries in `order` in `package()`/`freeze()` walks.
    pub fn set_walk_order(&mut self, order: WalkOrder) {
        self.order = order;
    }

    /// Substitute `$(VAR)`s and make `path` absolute against `dir` (`_resolve_path`).
    fn resolve(&self, path: &str, dir: &Path) -> PathBuf {
        let mut path = path.to_string();
        for (name, value) in &self.vars {
            path = path.replace(&format!("$({name})"), value);
        }
        normalize(&dir.join(path))
    }

    /// Execute the manifest file at `path` (relative paths against the current directory).
    ///
    /// # Errors
    /// A syntax error, an unsupported construct, a bad API call or a missing file, with the
    /// manifest's path and line.
    pub fn execute(&mut self, path: &Path) -> Result<()> {
        let resolved = normalize(&cwd().join(path));
        self.include_file(&resolved, BTreeMap::new(), false, None)
    }

    /// The files collected, in manifest order, with their package versions.
    #[must_use]
    pub fn into_files(self) -> Vec<SourceFile> {
        let metadata = self.metadata;
        self.files
            .into_iter()
            .map(|(mut file, meta)| {
                file.version = metadata.get(meta).and_then(|m| m.version.clone());
                file
            })
            .collect()
    }

    /// The C module directories named by `c_module()`.
    #[must_use]
    pub fn c_modules(&self) -> &[PathBuf] {
        &self.c_modules
    }

    fn include_file(
        &mut self,
        path: &Path,
        options: BTreeMap<String, Value>,
        is_require: bool,
        site: Option<(&Path, u32)>,
    ) -> Result<()> {
        let path = if path.is_dir() {
            path.join("manifest.py")
        } else {
            path.to_path_buf()
        };
        if !self.visited.insert(path.clone()) {
            return Ok(());
        }
        if self.depth >= MAX_INCLUDE_DEPTH {
            return Err(Error::at(&path, "manifests included too deeply"));
        }
        let source = std::fs::read(&path).map_err(|e| match site {
            Some((file, line)) => Error::at_line(
                file,
                line,
                format!(
                    "cannot read manifest {}: {e}{}",
                    path.display(),
                    unresolved_hint(&path)
                ),
            ),
            None => Error::io(&path, &e),
        })?;
        let source = String::from_utf8(source)
            .map_err(|_| Error::at(&path, "manifest is not valid UTF-8"))?;
        let stmts = parse(&source).map_err(|e| Error::at_line(&path, e.line, e.message))?;
        if is_require {
            self.metadata.push(Metadata::default());
            self.metadata_stack.push(self.metadata.len() - 1);
        }
        let dir = path.parent().map_or_else(cwd, Path::to_path_buf);
        let mut frame = Frame {
            file: path.clone(),
            dir,
            options,
            defaults: BTreeMap::new(),
            locals: BTreeMap::new(),
        };
        self.depth += 1;
        let result = self.run(&stmts, &mut frame);
        self.depth -= 1;
        if is_require {
            self.metadata_stack.pop();
        }
        result
    }

    fn run(&mut self, stmts: &[Stmt], frame: &mut Frame) -> Result<()> {
        for stmt in stmts {
            let line = stmt.line;
            match &stmt.kind {
                StmtKind::Pass => {}
                StmtKind::Expr(expr) => {
                    self.eval(expr, frame, line)?;
                }
                StmtKind::Assign(name, expr, augmented) => {
                    let mut value = self.eval(expr, frame, line)?;
                    if *augmented {
                        let current = self.lookup(name, frame, line)?;
                        value = add(current, value)
                            .map_err(|m| Error::at_line(&frame.file, line, m))?;
                    }
                    frame.locals.insert(name.clone(), value);
                }
                StmtKind::If(branches, otherwise) => {
                    let mut taken = false;
                    for (cond, body) in branches {
                        if self.eval(cond, frame, line)?.truthy() {
                            self.run(body, frame)?;
                            taken = true;
                            break;
                        }
                    }
                    if !taken {
                        self.run(otherwise, frame)?;
                    }
                }
                StmtKind::For(var, iterable, body) => {
                    let items = match self.eval(iterable, frame, line)? {
                        Value::List(items) | Value::Tuple(items) => items,
                        Value::Str(s) => s.chars().map(|c| Value::Str(c.to_string())).collect(),
                        other => {
                            return Err(Error::at_line(
                                &frame.file,
                                line,
                                format!("cannot iterate over {}", other.type_name()),
                            ))
                        }
                    };
                    for item in items {
                        frame.locals.insert(var.clone(), item);
                        self.run(body, frame)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn lookup(&self, name: &str, frame: &Frame, line: u32) -> Result<Value> {
        if let Some(v) = frame.locals.get(name) {
            return Ok(v.clone());
        }
        const API: [&str; 11] = [
            "metadata",
            "include",
            "require",
            "add_library",
            "package",
            "module",
            "c_module",
            "freeze",
            "freeze_as_str",
            "freeze_as_mpy",
            "freeze_mpy",
        ];
        if name == "options" {
            return Ok(Value::Options);
        }
        if let Some(f) = API.iter().find(|f| **f == name) {
            return Ok(Value::Function(f));
        }
        Err(Error::at_line(
            &frame.file,
            line,
            format!("name '{name}' is not defined"),
        ))
    }

    fn eval(&mut self, expr: &Expr, frame: &mut Frame, line: u32) -> Result<Value> {
        let file = frame.file.clone();
        let fail = |message: String| Error::at_line(&file, line, message);
        Ok(match expr {
            Expr::Str(s) => Value::Str(s.clone()),
            Expr::Int(i) => Value::Int(*i),
            Expr::Float(f) => Value::Float(*f),
            Expr::Bool(b) => Value::Bool(*b),
            Expr::None => Value::None,
            Expr::Name(name) => self.lookup(name, frame, line)?,
            Expr::List(items) => Value::List(
                items
                    .iter()
                    .map(|e| self.eval(e, frame, line))
                    .collect::<Result<_>>()?,
            ),
            Expr::Tuple(items) => Value::Tuple(
                items
                    .iter()
                    .map(|e| self.eval(e, frame, line))
                    .collect::<Result<_>>()?,
            ),
            Expr::Attr(base, attr) => match self.eval(base, frame, line)? {
                Value::Options if attr == "defaults" => Value::Function("options.defaults"),
                Value::Options => frame
                    .options
                    .get(attr)
                    .or_else(|| frame.defaults.get(attr))
                    .cloned()
                    .unwrap_or(Value::None),
                Value::Metadata if attr == "version" => {
                    let index = *self.metadata_stack.last().unwrap_or(&0);
                    self.metadata[index]
                        .version
                        .clone()
                        .map_or(Value::None, Value::Str)
                }
                other => {
                    return Err(fail(format!(
                        "'{}' has no attribute '{attr}' here",
                        other.type_name()
                    )))
                }
            },
            Expr::Call(callee, args, kwargs) => {
                let Value::Function(name) = self.eval(callee, frame, line)? else {
                    return Err(fail("only manifest functions can be called".into()));
                };
                let args = args
                    .iter()
                    .map(|e| self.eval(e, frame, line))
                    .collect::<Result<Vec<_>>>()?;
                let kwargs = kwargs
                    .iter()
                    .map(|(k, e)| Ok((k.clone(), self.eval(e, frame, line)?)))
                    .collect::<Result<Vec<_>>>()?;
                self.call(name, args, kwargs, frame, line)?
            }
            Expr::Binary(op, a, b) => {
                let a = self.eval(a, frame, line)?;
                let b = self.eval(b, frame, line)?;
                match *op {
                    "+" => add(a, b).map_err(fail)?,
                    "==" => Value::Bool(a == b),
                    "!=" => Value::Bool(a != b),
                    "in" | "not in" => {
                        let found = match &b {
                            Value::List(items) | Value::Tuple(items) => items.contains(&a),
                            Value::Str(s) => match &a {
                                Value::Str(needle) => s.contains(needle.as_str()),
                                _ => return Err(fail("'in <string>' requires a string".into())),
                            },
                            other => return Err(fail(format!("'in' on {}", other.type_name()))),
                        };
                        Value::Bool(found == (*op == "in"))
                    }
                    cmp => {
                        let ordering = match (&a, &b) {
                            (Value::Int(x), Value::Int(y)) => x.partial_cmp(y),
                            (Value::Str(x), Value::Str(y)) => x.partial_cmp(y),
                            _ => None,
                        };
                        let Some(ordering) = ordering else {
                            return Err(fail(format!(
                                "cannot compare {} and {}",
                                a.type_name(),
                                b.type_name()
                            )));
                        };
                        Value::Bool(match cmp {
                            "<" => ordering.is_lt(),
                            ">" => ordering.is_gt(),
                            "<=" => ordering.is_le(),
                            _ => ordering.is_ge(),
                        })
                    }
                }
            }
            Expr::Not(inner) => Value::Bool(!self.eval(inner, frame, line)?.truthy()),
            Expr::Neg(inner) => match self.eval(inner, frame, line)? {
                Value::Int(i) => Value::Int(
                    i.checked_neg()
                        .ok_or_else(|| fail("integer overflow".into()))?,
                ),
                Value::Float(f) => Value::Float(-f),
                other => {
                    return Err(fail(format!(
                        "bad operand type for unary -: {}",
                        other.type_name()
                    )))
                }
            },
            Expr::And(a, b) => {
                let a = self.eval(a, frame, line)?;
                if a.truthy() {
                    self.eval(b, frame, line)?
                } else {
                    a
                }
            }
            Expr::Or(a, b) => {
                let a = self.eval(a, frame, line)?;
                if a.truthy() {
                    a
                } else {
                    self.eval(b, frame, line)?
                }
            }
            Expr::IfElse(cond, a, b) => {
                if self.eval(cond, frame, line)?.truthy() {
                    self.eval(a, frame, line)?
                } else {
                    self.eval(b, frame, line)?
                }
            }
        })
    }

    /// Bind `args`/`kwargs` to `params`; keywords not in `params` go to `extra` when
    /// `collect_extra`, else are an error.
    fn bind(
        name: &str,
        params: &[&str],
        required: usize,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
        collect_extra: bool,
        fail: &dyn Fn(String) -> Error,
    ) -> Result<Args> {
        if args.len() > params.len() {
            return Err(fail(format!(
                "{name}() takes at most {} positional arguments ({} given)",
                params.len(),
                args.len()
            )));
        }
        let mut values: Vec<Option<Value>> = vec![None; params.len()];
        for (i, v) in args.into_iter().enumerate() {
            values[i] = Some(v);
        }
        let mut extra = Vec::new();
        for (key, v) in kwargs {
            match params.iter().position(|p| *p == key) {
                Some(i) if values[i].is_some() => {
                    return Err(fail(format!(
                        "{name}() got multiple values for argument '{key}'"
                    )))
                }
                Some(i) => values[i] = Some(v),
                None if collect_extra => extra.push((key, v)),
                None => {
                    return Err(fail(format!(
                        "{name}() got an unexpected keyword argument '{key}'"
                    )))
                }
            }
        }
        if let Some(missing) = params[..required]
            .iter()
            .zip(&values)
            .find(|(_, v)| v.is_none())
        {
            return Err(fail(format!(
                "{name}() missing required argument: '{}'",
                missing.0
            )));
        }
        Ok(Args { values, extra })
    }

    #[allow(clippy::too_many_lines)]
    fn call(
        &mut self,
        name: &'static str,
        args: Vec<Value>,
        kwargs: Vec<(String, Value)>,
        frame: &mut Frame,
        line: u32,
    ) -> Result<Value> {
        let file = frame.file.clone();
        let fail = |message: String| Error::at_line(&file, line, message);
        let string = |v: Option<Value>, what: &str| -> Result<Option<String>> {
            match v {
                None => Ok(None),
                Some(Value::Str(s)) => Ok(Some(s)),
                Some(other) => Err(Error::at_line(
                    &file,
                    line,
                    format!("{what} must be a string, not {}", other.type_name()),
                )),
            }
        };
        let opt_level = |v: Option<Value>| -> Result<Option<u8>> {
            match v {
                None => Ok(None),
                Some(Value::Int(i)) => u8::try_from(i)
                    .ok()
                    .filter(|o| *o <= 3)
                    .map(Some)
                    .ok_or_else(|| {
                        Error::at_line(&file, line, format!("opt must be 0..3, not {i}"))
                    }),
                Some(other) => Err(Error::at_line(
                    &file,
                    line,
                    format!("opt must be an int, not {}", other.type_name()),
                )),
            }
        };
        match name {
            "options.defaults" => {
                if !args.is_empty() {
                    return Err(fail(
                        "options.defaults() takes only keyword arguments".into(),
                    ));
                }
                frame.defaults = kwargs.into_iter().collect();
                Ok(Value::None)
            }
            "metadata" => {
                if !args.is_empty() {
                    return Err(fail("metadata() takes only keyword arguments".into()));
                }
                const KEYS: [&str; 7] = [
                    "description",
                    "version",
                    "license",
                    "author",
                    "stdlib",
                    "pypi",
                    "pypi_publish",
                ];
                if kwargs.is_empty() {
                    return Ok(Value::Metadata);
                }
                let a = Self::bind(name, &KEYS, 0, Vec::new(), kwargs, false, &fail)?;
                let index = *self.metadata_stack.last().unwrap_or(&0);
                if self.metadata[index].initialised {
                    return Err(fail("Duplicate call to metadata().".into()));
                }
                let version = match a.values[1].clone() {
                    None | Some(Value::None) => None,
                    Some(Value::Str(s)) => Some(s),
                    Some(Value::Int(i)) => Some(i.to_string()),
                    Some(Value::Float(f)) => Some(f.to_string()),
                    Some(other) => {
                        return Err(fail(format!(
                            "version must be a string, not {}",
                            other.type_name()
                        )))
                    }
                };
                self.metadata[index] = Metadata {
                    initialised: true,
                    version,
                };
                Ok(Value::Metadata)
            }
            "include" => {
                let mut a = Self::bind(name, &["manifest_path"], 1, args, kwargs, true, &fail)?;
                let options: BTreeMap<String, Value> = a.extra.drain(..).collect();
                let paths = match a.take(0) {
                    Some(Value::Str(s)) => vec![s],
                    Some(Value::List(items) | Value::Tuple(items)) => items
                        .into_iter()
                        .map(|v| match v {
                            Value::Str(s) => Ok(s),
                            other => Err(fail(format!(
                                "include() paths must be strings, not {}",
                                other.type_name()
                            ))),
                        })
                        .collect::<Result<_>>()?,
                    _ => return Err(fail("include() expects a path or a list of paths".into())),
                };
                for p in paths {
                    let resolved = self.resolve(&p, &frame.dir);
                    self.include_file(&resolved, options.clone(), false, Some((&file, line)))?;
                }
                Ok(Value::None)
            }
            "require" => {
                let mut a = Self::bind(
                    name,
                    &["name", "version", "pypi", "library"],
                    1,
                    args,
                    kwargs,
                    true,
                    &fail,
                )?;
                let options: BTreeMap<String, Value> = a.extra.drain(..).collect();
                let package = string(a.take(0), "name")?.unwrap_or_default();
                let library = string(a.take(3), "library")?;
                let dirs = match &library {
                    Some(lib) => match self.libraries.get(lib) {
                        Some(path) => vec![path.clone()],
                        None => {
                            return Err(fail(format!(
                                "Unknown library '{lib}' for require('{package}')."
                            )))
                        }
                    },
                    None => self.library_dirs.clone(),
                };
                for dir in &dirs {
                    if let Some(found) = find_package(dir, &package, 0) {
                        self.include_file(&found, options, true, Some((&file, line)))?;
                        return Ok(Value::None);
                    }
                }
                Err(fail(match library {
                    Some(lib) => format!(
                        "Package '{package}' not found in external library '{lib}' ({}).",
                        dirs.first()
                            .map(|d| d.display().to_string())
                            .unwrap_or_default()
                    ),
                    None => format!("Package '{package}' not found in any known library."),
                }))
            }
            "add_library" => {
                let mut a = Self::bind(
                    name,
                    &["library", "library_path", "prepend"],
                    2,
                    args,
                    kwargs,
                    false,
                    &fail,
                )?;
                let library = string(a.take(0), "library")?.unwrap_or_default();
                let path = string(a.take(1), "library_path")?.unwrap_or_default();
                let prepend = a.take(2).is_some_and(|v| v.truthy());
                let path = self.resolve(&path, &frame.dir);
                self.libraries.insert(library, path.clone());
                if prepend {
                    self.library_dirs.insert(0, path);
                } else {
                    self.library_dirs.push(path);
                }
                Ok(Value::None)
            }
            "package" => {
                let mut a = Self::bind(
                    name,
                    &["package_path", "files", "base_path", "opt"],
                    1,
                    args,
                    kwargs,
                    false,
                    &fail,
                )?;
                let package = string(a.take(0), "package_path")?.unwrap_or_default();
                let files = a.take(1).map(|v| string_list(v, &fail)).transpose()?;
                let base = string(a.take(2), "base_path")?.unwrap_or_else(|| ".".into());
                let opt = opt_level(a.take(3))?;
                self.search(
                    &base,
                    Some(&package),
                    files,
                    &[".py"],
                    FileKind::CompilePy,
                    opt,
                    frame,
                    line,
                )?;
                Ok(Value::None)
            }
            "module" => {
                let mut a = Self::bind(
                    name,
                    &["module_path", "base_path", "opt"],
                    1,
                    args,
                    kwargs,
                    false,
                    &fail,
                )?;
                let module = string(a.take(0), "module_path")?.unwrap_or_default();
                let base = string(a.take(1), "base_path")?.unwrap_or_else(|| ".".into());
                let opt = opt_level(a.take(2))?;
                if !module.to_ascii_lowercase().ends_with(".py") {
                    return Err(fail("module must be .py file".into()));
                }
                let base = self.resolve(&base, &frame.dir);
                self.add_file(
                    base.join(&module),
                    module,
                    FileKind::CompilePy,
                    opt,
                    frame,
                    line,
                )?;
                Ok(Value::None)
            }
            "c_module" => {
                let mut a = Self::bind(name, &["module_path"], 1, args, kwargs, false, &fail)?;
                let path = string(a.take(0), "module_path")?.unwrap_or_default();
                let resolved = self.resolve(&path, &frame.dir);
                let text = resolved.to_string_lossy();
                if let Some(start) = text.find("$(") {
                    let var: String = text[start..].chars().take_while(|c| *c != ')').collect();
                    return Err(fail(format!(
                        "Unresolved variable in c_module() path: {var})"
                    )));
                }
                if !resolved.is_dir() {
                    return Err(fail(format!(
                        "C module path does not exist or is not a directory: {}",
                        resolved.display()
                    )));
                }
                if !resolved.join("micropython.mk").is_file()
                    && !resolved.join("micropython.cmake").is_file()
                {
                    return Err(fail(format!(
                        "C module directory must contain micropython.mk or micropython.cmake: {}",
                        resolved.display()
                    )));
                }
                self.c_modules.push(resolved);
                Ok(Value::None)
            }
            "freeze" | "freeze_as_mpy" | "freeze_mpy" => {
                let mut a = Self::bind(
                    name,
                    &["path", "script", "opt"],
                    1,
                    args,
                    kwargs,
                    false,
                    &fail,
                )?;
                let path = string(a.take(0), "path")?.unwrap_or_default();
                let opt = opt_level(a.take(2))?;
                let (exts, kind): (&[&str], _) = match name {
                    "freeze" => (&[".py", ".mpy"], FileKind::CompilePy),
                    "freeze_as_mpy" => (&[".py"], FileKind::CompilePy),
                    _ => (&[".mpy"], FileKind::Mpy),
                };
                match a.take(1) {
                    None => self.search(&path, None, None, exts, kind, opt, frame, line)?,
                    Some(Value::Str(script)) => {
                        if self.resolve(&path, &frame.dir).join(&script).is_dir() {
                            self.search(&path, Some(&script), None, exts, kind, opt, frame, line)?;
                        } else {
                            self.search(
                                &path,
                                None,
                                Some(vec![script]),
                                exts,
                                kind,
                                opt,
                                frame,
                                line,
                            )?;
                        }
                    }
                    Some(other) => {
                        let files = string_list(other, &fail)?;
                        self.search(&path, None, Some(files), exts, kind, opt, frame, line)?;
                    }
                }
                Ok(Value::None)
            }
            "freeze_as_str" => {
                let mut a = Self::bind(name, &["path"], 1, args, kwargs, false, &fail)?;
                let path = string(a.take(0), "path")?.unwrap_or_default();
                self.search(
                    &path,
                    None,
                    None,
                    &[".py"],
                    FileKind::Str,
                    None,
                    frame,
                    line,
                )?;
                Ok(Value::None)
            }
            other => Err(fail(format!("{other}() is not available"))),
        }
    }

    /// `_search`: explicit `files` under `base/package`, or every file with one of `exts` under it.
    #[allow(clippy::too_many_arguments)]
    fn search(
        &mut self,
        base: &str,
        package: Option<&str>,
        files: Option<Vec<String>>,
        exts: &[&str],
        kind: FileKind,
        opt: Option<u8>,
        frame: &Frame,
        line: u32,
    ) -> Result<()> {
        let base = self.resolve(base, &frame.dir);
        let package = package.filter(|p| !p.is_empty());
        if let Some(files) = files {
            for file in files {
                let target = match package {
                    Some(p) => format!("{}/{file}", p.trim_end_matches('/')),
                    None => file,
                };
                self.add_file(base.join(&target), target, kind, opt, frame, line)?;
            }
            return Ok(());
        }
        let root = match package {
            Some(p) => base.join(p),
            None => base.clone(),
        };
        if !root.is_dir() {
            return Err(Error::at_line(
                &frame.file,
                line,
                format!("Cannot stat {}{}", root.display(), unresolved_hint(&root)),
            ));
        }
        let mut found = Vec::new();
        let prefix = package
            .map(|p| normalize(Path::new(p)).to_string_lossy().into_owned())
            .unwrap_or_default();
        walk(&root, &prefix, exts, self.order, &mut found, 0)
            .map_err(|e| Error::at_line(&frame.file, line, e.to_string()))?;
        for (full, target) in found {
            self.add_file(full, target, kind, opt, frame, line)?;
        }
        Ok(())
    }

    /// `_add_file`: the file must exist; `.py`/`.mpy` decide the kind in freeze mode.
    fn add_file(
        &mut self,
        full_path: PathBuf,
        target_path: String,
        kind: FileKind,
        opt: Option<u8>,
        frame: &Frame,
        line: u32,
    ) -> Result<()> {
        if std::fs::metadata(&full_path).is_err() {
            return Err(Error::at_line(
                &frame.file,
                line,
                format!(
                    "Cannot stat {}{}",
                    full_path.display(),
                    unresolved_hint(&full_path)
                ),
            ));
        }
        let lower = target_path.to_ascii_lowercase();
        let kind = match kind {
            FileKind::Str => FileKind::Str,
            _ if lower.ends_with(".mpy") => FileKind::Mpy,
            other => other,
        };
        let meta = *self.metadata_stack.last().unwrap_or(&0);
        let target_path = target_path.trim_start_matches("./").to_string();
        self.files.push((
            SourceFile {
                full_path,
                target_path,
                kind,
                opt,
                version: None,
            },
            meta,
        ));
        Ok(())
    }
}

fn add(a: Value, b: Value) -> std::result::Result<Value, String> {
    Ok(match (a, b) {
        (Value::Str(x), Value::Str(y)) => Value::Str(x + &y),
        (Value::List(mut x), Value::List(y)) => {
            x.extend(y);
            Value::List(x)
        }
        (Value::Tuple(mut x), Value::Tuple(y)) => {
            x.extend(y);
            Value::Tuple(x)
        }
        (Value::Int(x), Value::Int(y)) => Value::Int(x.checked_add(y).ok_or("integer overflow")?),
        (a, b) => {
            return Err(format!(
                "unsupported operand types for +: {} and {}",
                a.type_name(),
                b.type_name()
            ))
        }
    })
}

fn string_list(v: Value, fail: &dyn Fn(String) -> Error) -> Result<Vec<String>> {
    match v {
        Value::List(items) | Value::Tuple(items) => items
            .into_iter()
            .map(|i| match i {
                Value::Str(s) => Ok(s),
                other => Err(fail(format!(
                    "expected a list of strings, found {}",
                    other.type_name()
                ))),
            })
            .collect(),
        Value::Str(s) => Ok(vec![s]),
        other => Err(fail(format!(
            "expected a list of strings, not {}",
            other.type_name()
        ))),
    }
}

/// `{dir}/**/{name}/manifest.py`, searched top-down with entries sorted by name.
fn find_package(dir: &Path, name: &str, depth: usize) -> Option<PathBuf> {
    if depth > 32 {
        return None;
    }
    if dir.file_name().is_some_and(|n| n == name) && dir.join("manifest.py").is_file() {
        return Some(dir.to_path_buf());
    }
    let mut subdirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    subdirs.sort();
    subdirs
        .into_iter()
        .find_map(|sub| find_package(&sub, name, depth + 1))
}
