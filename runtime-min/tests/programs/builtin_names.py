try:
    deque
    print('deque', True)
except NameError:
    print('deque', False)
try:
    TextIOWrapper
    print('TextIOWrapper', True)
except NameError:
    print('TextIOWrapper', False)
try:
    StringIO
    print('StringIO', True)
except NameError:
    print('StringIO', False)
try:
    BytesIO
    print('BytesIO', True)
except NameError:
    print('BytesIO', False)
try:
    re
    print('re', True)
except NameError:
    print('re', False)
try:
    match
    print('match', True)
except NameError:
    print('match', False)
try:
    memoryview
    print('memoryview', True)
except NameError:
    print('memoryview', False)
try:
    super
    print('super', True)
except NameError:
    print('super', False)
try:
    slice
    print('slice', True)
except NameError:
    print('slice', False)
try:
    OrderedDict
    print('OrderedDict', True)
except NameError:
    print('OrderedDict', False)
try:
    StopAsyncIteration
    print('StopAsyncIteration', True)
except NameError:
    print('StopAsyncIteration', False)
try:
    NoneType
    print('NoneType', True)
except NameError:
    print('NoneType', False)
try:
    closure
    print('closure', True)
except NameError:
    print('closure', False)
try:
    generator
    print('generator', True)
except NameError:
    print('generator', False)
try:
    array
    print('array', True)
except NameError:
    print('array', False)
try:
    function
    print('function', True)
except NameError:
    print('function', False)
try:
    cell
    print('cell', True)
except NameError:
    print('cell', False)
try:
    iterator
    print('iterator', True)
except NameError:
    print('iterator', False)
try:
    bound_method
    print('bound_method', True)
except NameError:
    print('bound_method', False)
try:
    module
    print('module', True)
except NameError:
    print('module', False)
