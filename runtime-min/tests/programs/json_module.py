# json: dumps/dump (separators, non-str keys, reprs), loads/load (lenient parser, errors)
import json, io
from collections import OrderedDict
data = {"name": "Widget", "tags": ["a", "b"], "price": 9.5, "count": 3, "ok": True, "none": None, "nested": {"x": [1, 2, {"y": (3, 4)}]}}
s = json.dumps(data)
print(len(s), json.loads(s) == data, sorted(json.loads(s)))
print(json.dumps([1, "two", 3.0, None, False, "q\"uote\\back\nnl\ttab\x01é"]))
print(json.dumps({1: 2, None: 3, (1, 2): 4, 2.5: "f"}), json.dumps(b"by"), json.dumps(bytearray(b"ba")), json.dumps({3, 4}) if False else "")
print(json.dumps(OrderedDict([("z", 1), ("a", 2)])), json.dumps(1 << 70), json.dumps(-0.0), json.dumps(float("inf")))
print(json.dumps([1, [2, {"a": []}]], separators=(",", ":")), json.dumps({"a": 1, "b": 2}, separators=("; ", "=")))
print(json.loads('{"a": [1, 2.5, -3e2, "x\\u00e9\\n"], "b": {"c": null, "d": true, "e": false}}'))
print(json.loads(b"[1, 2]"), json.loads(bytearray(b'"s"')), json.loads("  42  "), json.loads("-0.5"), json.loads("123456789012345678901234567890"), json.loads('"\\ud83d"') == "\ud83d" if False else "")
print(json.loads("[1 2 3]"), json.loads("{'a'}") if False else "", json.loads('{"a" 1 "b" 2}'), json.loads("[[]]"), json.loads("[{}, []]"))
for bad in ("", "[", "]", "{", "nul", "tru", '"abc', "[1,]x", "{[1]: 2}", "1 2", "@", "[1}", "--1", "1.2.3", "1e", '"\\q"', "[1]]"):
    try:
        print(repr(bad), json.loads(bad))
    except ValueError as e:
        print(repr(bad), "ValueError", e)
for bad in (None, 12, [1]):
    try:
        json.loads(bad)
    except TypeError as e:
        print("TypeError", e)
out = io.StringIO()
json.dump({"k": [1, 2]}, out)
json.dump("x", out, separators=("|", "#"))
print(out.getvalue())
print(json.load(io.StringIO('{"from": "stream"}')), json.load(io.BytesIO(b"[true]")))
for sep in (1, (), (",",), [",", ":", "?"], (1, 2)):
    try:
        json.dumps(1, separators=sep)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class P:
    def __repr__(self):
        return "P!"
print(json.dumps([P(), {"p": P()}]))
try:
    json.dumps(1, indent=2)
except TypeError as e:
    print("TypeError")
deep = []
for i in range(25):
    deep = [deep]
print(json.dumps(deep))
print(json.loads("[" * 40 + "]" * 40))
