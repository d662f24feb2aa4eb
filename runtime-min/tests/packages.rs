//! Packages in a frozen image: `pkg/__init__.py` gets a `__path__`, relative imports
//! (`from . import x`, `from .inner.deep import g`, `from .. import VERSION`) resolve against
//! the importing module as py/builtinimport.c does, and `from pkg import missing` reports the
//! submodule it tried; a package's `__getattr__` loads submodules lazily, as asyncio's does;
//! a module in the image replaces an extensible built-in (`collections`), not another (`math`).
//! The expected text is what the MicroPython 1.29 WebAssembly VM prints for
//! the same tree (compiled with the reference mpy-cross, imported from its file system).

mod common;

use common::image::{compile_ours, compile_ours_mpy, freeze};
use runtime_min::host_dir::DirSource;
use runtime_min::{FrozenImage, Output, RunOutcome, Vm};

struct Capture(Vec<u8>);

impl Output for Capture {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }
}

const TREE: [(&str, &str); 5] = [
    (
        "main.py",
        "import pkg
import pkg.sub
from pkg import helper_value, sub
from pkg.inner import deep
import pkg.inner.deep as d2
print(__name__, pkg.__name__, pkg.sub.__name__, sub.f(), helper_value, deep.g(), d2 is deep)
print(pkg.VERSION, pkg.sub.uses_parent(), pkg.inner.deep.__name__)
try:
    import pkg.missing
except ImportError as e:
    print('ImportError', e)
try:
    from pkg import nothing_here
except ImportError as e:
    print('ImportError', e)
try:
    from pkg.sub import nothing_here
except ImportError as e:
    print('ImportError', e)
import sys
print(sorted(k for k in sys.modules if k.startswith('pkg')))
",
    ),
    (
        "pkg/__init__.py",
        "VERSION = '1.0'\nhelper_value = 42\nprint('init pkg', __name__)\n",
    ),
    (
        "pkg/sub.py",
        "from . import helper_value
from .inner.deep import g
def f():
    return 'f' + str(helper_value)
def uses_parent():
    from . import VERSION
    return VERSION + g()
",
    ),
    ("pkg/inner/__init__.py", ""),
    (
        "pkg/inner/deep.py",
        "from .. import VERSION\ndef g():\n    return 'g' + VERSION\n",
    ),
];

const EXPECTED: &str = "init pkg pkg
main pkg pkg.sub f42 42 g1.0 True
1.0 1.0g1.0 pkg.inner.deep
ImportError no module named 'pkg.missing'
ImportError no module named 'pkg.nothing_here'
ImportError can't import name nothing_here
['pkg', 'pkg.inner', 'pkg.inner.deep', 'pkg.sub']
";

/// Freeze `tree` (compiled with our compiler) and run module `main` in a 128 KB heap.
fn run_tree(tree: &[(&str, &str)]) -> (RunOutcome, String) {
    run_tree_as(tree, false)
}

/// As [`run_tree`]; with `as_main`, `main` runs as the program (`Vm::run_main`).
fn run_tree_as(tree: &[(&str, &str)], as_main: bool) -> (RunOutcome, String) {
    let modules: Vec<_> = tree
        .iter()
        .map(|(path, source)| {
            let file = compile_ours(path, source.as_bytes()).expect("compiles");
            ((*path).to_string(), file)
        })
        .collect();
    let (image, _) = freeze(&modules);
    let mut heap = vec![0u8; 128 * 1024];
    let mut out = Capture(Vec::new());
    let source = FrozenImage { image: &image };
    let outcome = {
        let mut vm = Vm::new(&mut heap, &source, &mut out).expect("heap");
        if as_main {
            vm.run_main(&image, "main")
        } else {
            vm.run_module(&image, "main")
        }
    };
    (outcome, String::from_utf8_lossy(&out.0).into_owned())
}

#[test]
fn packages_and_relative_imports_resolve_as_micropython() {
    let (outcome, text) = run_tree(&TREE);
    assert_eq!(outcome, RunOutcome::Ok, "{text}");
    assert_eq!(text, EXPECTED);
}

/// asyncio's lazy loader: a package's module-level `__getattr__` (MICROPY_MODULE_GETATTR)
/// imports a submodule on first use with `__import__(name, globals(), None, True, 1)`.
const LAZY_TREE: [(&str, &str); 4] = [
    (
        "main.py",
        r#"import lazy
print(lazy.BASE, lazy.helper())
print(lazy.Widget.__name__)
print(lazy.Widget is lazy.Widget, type(lazy.make()).__name__)
print(hasattr(lazy, "nothing"), getattr(lazy, "nothing", "default"))
try:
    lazy.nothing
except AttributeError as e:
    print("AttributeError", e)
try:
    lazy.broken
except ImportError as e:
    print("ImportError", e)
from lazy import make
print(make is lazy.make)
m = __import__("lazy.widgets")
print(m.__name__)
m = __import__("lazy.widgets", None, None, ())
print(m.__name__)
m = __import__("lazy.widgets", None, None, ("make",))
print(m.__name__)
m = __import__("widgets", lazy.__dict__, None, True, 1)
print(m.__name__)
m = __import__("", lazy.__dict__, None, None, 1)
print(m.__name__)
for args in [("x", {"__name__": "top"}, None, True, 1), ("x", 5, None, True, 1), ("",), ("x", None, None, None, -1)]:
    try:
        __import__(*args)
    except Exception as e:
        print(type(e).__name__, e)
"#,
    ),
    (
        "lazy/__init__.py",
        r#"from .base import *
_attrs = {"Widget": "widgets", "make": "widgets", "broken": "missing"}
def __getattr__(attr):
    mod = _attrs.get(attr, None)
    if mod is None:
        raise AttributeError(attr)
    print("loading", attr, "from", mod)
    value = getattr(__import__(mod, globals(), None, True, 1), attr)
    globals()[attr] = value
    return value
"#,
    ),
    (
        "lazy/base.py",
        "BASE = 'base'\ndef helper():\n    return 'helped'\n",
    ),
    (
        "lazy/widgets.py",
        "class Widget:\n    pass\ndef make():\n    return Widget()\n",
    ),
];

/// What the WebAssembly VM prints for `LAZY_TREE`.
const LAZY_EXPECTED: &str = "base helped
loading Widget from widgets
Widget
loading make from widgets
True Widget
False default
AttributeError nothing
loading broken from missing
ImportError no module named 'lazy.missing'
True
lazy
lazy.widgets
lazy.widgets
lazy.widgets
lazy
ImportError can't perform relative import
TypeError 
ValueError 
ValueError 
";

#[test]
fn a_package_getattr_loads_submodules_lazily_through_dunder_import() {
    let (outcome, text) = run_tree(&LAZY_TREE);
    assert_eq!(outcome, RunOutcome::Ok, "{text}");
    assert_eq!(text, LAZY_EXPECTED);
}

/// Extensible built-ins (MP_REGISTER_EXTENSIBLE_MODULE) give way to a module of the same name in
/// the image, which reaches the built-in through the `u` prefix — micropython-lib's
/// `collections` package is written so —; the other built-ins (`math`) come first.
const EXTENSIBLE_TREE: [(&str, &str); 5] = [
    (
        "main.py",
        r#"import collections
from collections import defaultdict, OrderedDict, namedtuple
import ucollections
print(collections.__name__, ucollections.__name__, collections is ucollections)
print(hasattr(collections, 'MutableMapping'), hasattr(ucollections, 'MutableMapping'))
d = defaultdict(list)
d['a'].append(1)
print(d['a'], OrderedDict([(1, 2)]), namedtuple('P', 'x y')(1, 2))
import json, ujson
print(json.dumps([1, 2]), ujson.dumps([1, 2]), json is ujson)
import math
print(math.sqrt(4), hasattr(math, 'from_image'))
import usys, sys
print(usys is sys)
for name in ('umath', 'ugc', 'umicropython'):
    try:
        __import__(name)
        print(name, 'imported')
    except ImportError as e:
        print(e)
"#,
    ),
    (
        "collections/__init__.py",
        r#"from ucollections import *

try:
    from .defaultdict import defaultdict
except ImportError:
    pass


class MutableMapping:
    pass
"#,
    ),
    (
        "collections/defaultdict.py",
        r#"class defaultdict:
    def __init__(self, factory):
        self.d = {}
        self.factory = factory

    def __getitem__(self, key):
        if key not in self.d:
            self.d[key] = self.factory()
        return self.d[key]
"#,
    ),
    (
        "json.py",
        r#"from ujson import dumps as _dumps


def dumps(obj):
    return 'image ' + _dumps(obj)
"#,
    ),
    (
        "math.py",
        r#"from_image = True
"#,
    ),
];

/// What the WebAssembly VM prints for `EXTENSIBLE_TREE`.
const EXTENSIBLE_EXPECTED: &str = "collections collections False
True False
[1] OrderedDict({1: 2}) P(x=1, y=2)
image [1, 2] [1, 2] False
2.0 False
True
no module named 'umath'
no module named 'ugc'
no module named 'umicropython'
";

#[test]
fn an_image_module_replaces_an_extensible_builtin_only() {
    let (outcome, text) = run_tree(&EXTENSIBLE_TREE);
    assert_eq!(outcome, RunOutcome::Ok, "{text}");
    assert_eq!(text, EXTENSIBLE_EXPECTED);
}

/// Namespace packages: directories of modules without an `__init__.py` import as empty
/// modules with a `__path__` (`nsp` and `nsp.sub` here), as micropython-lib's `usb` is.
const NAMESPACE_TREE: [(&str, &str); 3] = [
    (
        "main.py",
        r#"import nsp
print(nsp.__name__, hasattr(nsp, "__path__"), hasattr(nsp, "__file__"), sorted(k for k in dir(nsp) if not k.startswith("__")))
import nsp.sub.mod
print(nsp.sub.mod.VALUE, nsp.sub.__name__, nsp.sub.mod.__name__)
from nsp.sub import mod
from nsp.sub.mod import VALUE
print(mod is nsp.sub.mod, VALUE)
nsp.extra = 1
print(nsp.extra)
try:
    import nsp.missing
except ImportError as e:
    print("ImportError", e)
try:
    import nsp2
except ImportError as e:
    print("ImportError", e)
"#,
    ),
    (
        "nsp/sub/mod.py",
        r#"from . import helper
VALUE = helper.X + 1
"#,
    ),
    (
        "nsp/sub/helper.py",
        r#"X = 41
"#,
    ),
];

#[test]
fn directories_without_init_are_namespace_packages() {
    // What the WebAssembly VM prints for the same tree.
    let (outcome, text) = run_tree(&NAMESPACE_TREE);
    assert_eq!(outcome, RunOutcome::Ok, "{text}");
    assert_eq!(text, "nsp True False []\n42 nsp.sub nsp.sub.mod\nTrue 42\n1\nImportError no module named 'nsp.missing'\nImportError no module named 'nsp2'\n");
}

/// A program run as `__main__` (a board's main.py at boot): its `if __name__ == "__main__"`
/// block runs, it is not in `sys.modules`, and `import __main__` reaches its globals.
const MAIN_TREE: [(&str, &str); 2] = [
    (
        "main.py",
        r#"import sys
print(__name__, "__main__" in sys.modules, "main" in sys.modules)
x = 5
import helper
if __name__ == "__main__":
    print("main block ran")
"#,
    ),
    (
        "helper.py",
        r#"import __main__
print(__main__.__name__, __name__, __main__.x)
"#,
    ),
];

#[test]
fn run_main_runs_a_module_as_dunder_main() {
    // What the WebAssembly VM prints when main.py runs as its program (`runPython`).
    let (outcome, text) = run_tree_as(&MAIN_TREE, true);
    assert_eq!(outcome, RunOutcome::Ok, "{text}");
    assert_eq!(
        text,
        "__main__ False False\n__main__ helper 5\nmain block ran\n"
    );
    // Run as module `main` instead, it is in `sys.modules`, its block does not run, and
    // `__main__` is an empty module.
    let (outcome, text) = run_tree_as(&MAIN_TREE, false);
    assert_eq!(outcome, RunOutcome::Exception, "{text}");
    assert!(text.starts_with("main False True\nTraceback"), "{text}");
    assert!(text.ends_with("AttributeError: module '__main__' has no attribute 'x'\n"));
}

#[test]
fn system_exit_ends_a_program_without_a_traceback() {
    // As the unix port (pyexec.c with exit-code handling) ends a script.
    for (raise, outcome, printed) in [
        ("raise SystemExit", RunOutcome::SystemExit(0), ""),
        ("import sys\nsys.exit(3)", RunOutcome::SystemExit(3), ""),
        ("raise SystemExit(300)", RunOutcome::SystemExit(44), ""),
        ("raise SystemExit(None)", RunOutcome::SystemExit(0), ""),
        (
            "raise SystemExit('bye')",
            RunOutcome::SystemExit(1),
            "bye\n",
        ),
        (
            "raise SystemExit(True)",
            RunOutcome::SystemExit(1),
            "True\n",
        ),
    ] {
        let main = format!("print('before')\n{raise}\nprint('after')\n");
        let tree = [("main.py", main.as_str())];
        let (got, text) = run_tree_as(&tree, true);
        assert_eq!(got, outcome, "{raise}: {text}");
        assert_eq!(text, format!("before\n{printed}"), "{raise}");
    }
    // Imported (not the program), it is an exception like any other.
    let tree = [("main.py", "raise SystemExit(3)\n")];
    let (got, text) = run_tree_as(&tree, false);
    assert_eq!(got, RunOutcome::Exception);
    assert!(text.ends_with("SystemExit: 3\n"), "{text}");
}

#[test]
fn a_relative_import_beyond_the_top_level_is_an_import_error() {
    let modules = vec![(
        "top.py".to_string(),
        compile_ours(
            "top.py",
            b"try:\n    from .. import x\nexcept ImportError as e:\n    print(e)\n",
        )
        .expect("compiles"),
    )];
    let (image, _) = freeze(&modules);
    let mut heap = vec![0u8; 64 * 1024];
    let mut out = Capture(Vec::new());
    let source = FrozenImage { image: &image };
    {
        let mut vm = Vm::new(&mut heap, &source, &mut out).expect("heap");
        assert_eq!(vm.run_module(&image, "top"), RunOutcome::Ok);
    }
    assert_eq!(
        String::from_utf8_lossy(&out.0),
        "can't perform relative import\n"
    );
}

/// The same packages as `.mpy` files in a directory (mpy-run's `FILE.mpy` mode,
/// `host_dir::DirSource`) import as from the image; a directory without `__init__.mpy` is a
/// namespace package, and no name leaves the directory.
#[test]
fn packages_import_from_a_directory_of_mpy_files() {
    let dir = std::env::temp_dir().join(format!("runtime-min-dir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let write = |file: std::path::PathBuf, source: &str| {
        std::fs::create_dir_all(file.parent().expect("parent")).expect("dirs");
        let name = file
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let mpy = compile_ours_mpy(&name, source.as_bytes()).expect("compiles");
        std::fs::write(file, mpy).expect("writes");
    };
    // The directory `top` is what mpy-run's is; `secret` sits beside it, out of reach.
    let top = dir.join("top");
    for (path, source) in TREE.iter().chain([("ns/inner/leaf.py", "Z = 3\n")].iter()) {
        write(top.join(path).with_extension("mpy"), source);
    }
    write(dir.join("secret.mpy"), "print('outside')\n");
    let check = "import ns.inner.leaf\nprint(ns.__name__, ns.inner.leaf.Z)\n\
                 for name in ('..secret', 'ns..inner', '/tmp'):\n    try:\n        \
                 __import__(name)\n    except ImportError as e:\n        print('ImportError')\n";
    let programs = [
        std::fs::read(top.join("main.mpy")).expect("main.mpy"),
        compile_ours_mpy("check.py", check.as_bytes()).expect("compiles"),
    ];
    let source = DirSource { dir: top };
    let outputs: Vec<String> = programs
        .iter()
        .map(|program| {
            let mut heap = vec![0u8; 128 * 1024];
            let mut out = Capture(Vec::new());
            let outcome = Vm::new(&mut heap, &source, &mut out)
                .expect("heap")
                .run_module(program, "main");
            let text = String::from_utf8_lossy(&out.0).into_owned();
            assert_eq!(outcome, RunOutcome::Ok, "{text}");
            text
        })
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(outputs[0], EXPECTED);
    assert_eq!(outputs[1], "ns 3\nImportError\nImportError\nImportError\n");
}
