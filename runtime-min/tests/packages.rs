//! Packages in a frozen image: `pkg/__init__.py` gets a `__path__`, relative imports
//! (`from . import x`, `from .inner.deep import g`, `from .. import VERSION`) resolve against
//! the importing module as py/builtinimport.c does, and `from pkg import missing` reports the
//! submodule it tried; a package's `__getattr__` loads submodules lazily, as asyncio's does.
//! The expected text is what the MicroPython 1.29 WebAssembly VM prints for
//! the same tree (compiled with the reference mpy-cross, imported from its file system).

mod common;

use common::image::{compile_ours, freeze};
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
        vm.run_module(&image, "main")
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
