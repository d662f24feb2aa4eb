//
// Content for MICROPY_MODULE_FROZEN_STR
//
#include <stdint.h>
#define MP_FROZEN_STR_NAMES \

const uint32_t mp_frozen_str_sizes[] = { 0 };
const char mp_frozen_str_content[] = {
"\0"
};

//
// Content for MICROPY_MODULE_FROZEN_MPY
//
#include "py/mpconfig.h"
#include "py/objint.h"
#include "py/objstr.h"
#include "py/emitglue.h"
#include "py/nativeglue.h"

#if MICROPY_LONGINT_IMPL != 2
#error "incompatible MICROPY_LONGINT_IMPL"
#endif

#if MPZ_DIG_SIZE != 16
#error "incompatible MPZ_DIG_SIZE"
#endif

#if MICROPY_PY_BUILTINS_FLOAT
typedef struct _mp_obj_float_t {
    mp_obj_base_t base;
    mp_float_t value;
} mp_obj_float_t;
#endif

#if MICROPY_PY_BUILTINS_COMPLEX
typedef struct _mp_obj_complex_t {
    mp_obj_base_t base;
    mp_float_t real;
    mp_float_t imag;
} mp_obj_complex_t;
#endif

enum {
    MP_QSTR_0_dot_2_dot_1 = MP_QSTRnumber_of,
    MP_QSTR_A,
    MP_QSTR_B,
    MP_QSTR_C,
    MP_QSTR_S,
    MP_QSTR_X,
    MP_QSTR___version__,
    MP_QSTR_a,
    MP_QSTR_f,
    MP_QSTR_fancy,
    MP_QSTR_fancy_slash___init___dot_py,
    MP_QSTR_fancy_slash_core_dot_py,
    MP_QSTR_pkgA_slash___init___dot_py,
    MP_QSTR_pkgA_slash_inner_slash_b_dot_py,
    MP_QSTR_solo_dot_py,
    MP_QSTR_subm_dot_py,
};

const qstr_hash_t mp_qstr_frozen_const_hashes[] = {
    23830,
    46564,
    46567,
    46566,
    46582,
    46589,
    38975,
    46532,
    46531,
    38294,
    45604,
    62309,
    13738,
    26371,
    36253,
    64651,
};

const qstr_len_t mp_qstr_frozen_const_lengths[] = {
    5,
    1,
    1,
    1,
    1,
    1,
    11,
    1,
    1,
    5,
    17,
    13,
    16,
    15,
    7,
    7,
};

extern const qstr_pool_t mp_qstr_const_pool;
const qstr_pool_t mp_qstr_frozen_const_pool = {
    &mp_qstr_const_pool, // previous pool
    MP_QSTRnumber_of, // previous pool size
    true, // is_sorted
    10, // allocated entries
    16, // used entries
    (qstr_hash_t *)mp_qstr_frozen_const_hashes,
    (qstr_len_t *)mp_qstr_frozen_const_lengths,
    {
        "0.2.1",
        "A",
        "B",
        "C",
        "S",
        "X",
        "__version__",
        "a",
        "f",
        "fancy",
        "fancy/__init__.py",
        "fancy/core.py",
        "pkgA/__init__.py",
        "pkgA/inner/b.py",
        "solo.py",
        "subm.py",
    },
};

////////////////////////////////////////////////////////////////////////////////
// frozen module subm
// - original source file: build/frozen_mpy/subm.mpy
// - frozen file name: subm.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file subm.py, scope subm__lt_module_gt_
static const byte fun_data_subm__lt_module_gt_[8] = {
    0x00,0x02, // prelude
    0x01, // names: <module>
     // code info
    0x81, // LOAD_CONST_SMALL_INT 1
    0x16,0x02, // STORE_NAME 'X'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_subm__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_subm__lt_module_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 8,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 1,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_subm__lt_module_gt_ + 3,
        .line_info_top = fun_data_subm__lt_module_gt_ + 3,
        .opcodes = fun_data_subm__lt_module_gt_ + 3,
    },
    #endif
    #endif
};
#else
#define proto_fun_subm__lt_module_gt_ fun_data_subm__lt_module_gt_[0]
#endif

static const qstr_short_t const_qstr_table_data_subm[3] = {
    MP_QSTR_subm_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_X,
};

static const mp_frozen_module_t frozen_module_subm = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_subm,
        .obj_table = NULL,
    },
    .proto_fun = &proto_fun_subm__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module fancy___init__
// - original source file: build/frozen_mpy/fancy/__init__.mpy
// - frozen file name: fancy/__init__.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file fancy/__init__.py, scope fancy___init____lt_module_gt_
static const byte fun_data_fancy___init____lt_module_gt_[14] = {
    0x00,0x04, // prelude
    0x01, // names: <module>
    0x64, // code info
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x03, // STORE_NAME 'f'
    0x10,0x02, // LOAD_CONST_STRING '0.2.1'
    0x16,0x04, // STORE_NAME '__version__'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of fancy___init____lt_module_gt_
// frozen bytecode for file fancy/__init__.py, scope fancy___init___f
static const byte fun_data_fancy___init___f[5] = {
    0x00,0x02, // prelude
    0x03, // names: f
     // code info
    0x81, // LOAD_CONST_SMALL_INT 1
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_fancy___init___f = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_fancy___init___f,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 5,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 1,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 3,
        .line_info = fun_data_fancy___init___f + 3,
        .line_info_top = fun_data_fancy___init___f + 3,
        .opcodes = fun_data_fancy___init___f + 3,
    },
    #endif
    #endif
};
#else
#define proto_fun_fancy___init___f fun_data_fancy___init___f[0]
#endif

static const mp_raw_code_t *const children_fancy___init____lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_fancy___init___f,
};

static const mp_raw_code_truncated_t proto_fun_fancy___init____lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_fancy___init____lt_module_gt_,
    .children = (void *)&children_fancy___init____lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 14,
    .n_children = 1,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 1,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_fancy___init____lt_module_gt_ + 3,
        .line_info_top = fun_data_fancy___init____lt_module_gt_ + 4,
        .opcodes = fun_data_fancy___init____lt_module_gt_ + 4,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_fancy___init__[5] = {
    MP_QSTR_fancy_slash___init___dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_0_dot_2_dot_1,
    MP_QSTR_f,
    MP_QSTR___version__,
};

static const mp_frozen_module_t frozen_module_fancy___init__ = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_fancy___init__,
        .obj_table = NULL,
    },
    .proto_fun = &proto_fun_fancy___init____lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module fancy_core
// - original source file: build/frozen_mpy/fancy/core.mpy
// - frozen file name: fancy/core.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file fancy/core.py, scope fancy_core__lt_module_gt_
static const byte fun_data_fancy_core__lt_module_gt_[26] = {
    0x10,0x06, // prelude
    0x01, // names: <module>
    0x26,0x69, // code info
    0x80, // LOAD_CONST_SMALL_INT 0
    0x51, // LOAD_CONST_NONE
    0x1b,0x02, // IMPORT_NAME 'fancy'
    0x16,0x02, // STORE_NAME 'fancy'
    0x54, // LOAD_BUILD_CLASS
    0x32,0x00, // MAKE_FUNCTION 0
    0x10,0x03, // LOAD_CONST_STRING 'C'
    0x34,0x02, // CALL_FUNCTION 2
    0x16,0x03, // STORE_NAME 'C'
    0x10,0x04, // LOAD_CONST_STRING '0.2.1'
    0x16,0x05, // STORE_NAME '__version__'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of fancy_core__lt_module_gt_
// frozen bytecode for file fancy/core.py, scope fancy_core_C
static const byte fun_data_fancy_core_C[14] = {
    0x00,0x04, // prelude
    0x03, // names: C
    0x28, // code info
    0x11,0x06, // LOAD_NAME '__name__'
    0x16,0x07, // STORE_NAME '__module__'
    0x10,0x03, // LOAD_CONST_STRING 'C'
    0x16,0x08, // STORE_NAME '__qualname__'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_fancy_core_C = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_fancy_core_C,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 14,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 1,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 3,
        .line_info = fun_data_fancy_core_C + 3,
        .line_info_top = fun_data_fancy_core_C + 4,
        .opcodes = fun_data_fancy_core_C + 4,
    },
    #endif
    #endif
};
#else
#define proto_fun_fancy_core_C fun_data_fancy_core_C[0]
#endif

static const mp_raw_code_t *const children_fancy_core__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_fancy_core_C,
};

static const mp_raw_code_truncated_t proto_fun_fancy_core__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_fancy_core__lt_module_gt_,
    .children = (void *)&children_fancy_core__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 26,
    .n_children = 1,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 3,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_fancy_core__lt_module_gt_ + 3,
        .line_info_top = fun_data_fancy_core__lt_module_gt_ + 5,
        .opcodes = fun_data_fancy_core__lt_module_gt_ + 5,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_fancy_core[9] = {
    MP_QSTR_fancy_slash_core_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_fancy,
    MP_QSTR_C,
    MP_QSTR_0_dot_2_dot_1,
    MP_QSTR___version__,
    MP_QSTR___name__,
    MP_QSTR___module__,
    MP_QSTR___qualname__,
};

static const mp_frozen_module_t frozen_module_fancy_core = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_fancy_core,
        .obj_table = NULL,
    },
    .proto_fun = &proto_fun_fancy_core__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module pkgA___init__
// - original source file: build/frozen_mpy/pkgA/__init__.mpy
// - frozen file name: pkgA/__init__.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file pkgA/__init__.py, scope pkgA___init____lt_module_gt_
static const byte fun_data_pkgA___init____lt_module_gt_[9] = {
    0x00,0x02, // prelude
    0x01, // names: <module>
     // code info
    0x10,0x02, // LOAD_CONST_STRING 'a'
    0x16,0x03, // STORE_NAME 'A'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_pkgA___init____lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_pkgA___init____lt_module_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 9,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 1,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_pkgA___init____lt_module_gt_ + 3,
        .line_info_top = fun_data_pkgA___init____lt_module_gt_ + 3,
        .opcodes = fun_data_pkgA___init____lt_module_gt_ + 3,
    },
    #endif
    #endif
};
#else
#define proto_fun_pkgA___init____lt_module_gt_ fun_data_pkgA___init____lt_module_gt_[0]
#endif

static const qstr_short_t const_qstr_table_data_pkgA___init__[4] = {
    MP_QSTR_pkgA_slash___init___dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_a,
    MP_QSTR_A,
};

static const mp_frozen_module_t frozen_module_pkgA___init__ = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_pkgA___init__,
        .obj_table = NULL,
    },
    .proto_fun = &proto_fun_pkgA___init____lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module pkgA_inner_b
// - original source file: build/frozen_mpy/pkgA/inner/b.mpy
// - frozen file name: pkgA/inner/b.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file pkgA/inner/b.py, scope pkgA_inner_b__lt_module_gt_
static const byte fun_data_pkgA_inner_b__lt_module_gt_[9] = {
    0x00,0x02, // prelude
    0x01, // names: <module>
     // code info
    0x23,0x00, // LOAD_CONST_OBJ 0
    0x16,0x02, // STORE_NAME 'B'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_pkgA_inner_b__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_pkgA_inner_b__lt_module_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 9,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 1,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_pkgA_inner_b__lt_module_gt_ + 3,
        .line_info_top = fun_data_pkgA_inner_b__lt_module_gt_ + 3,
        .opcodes = fun_data_pkgA_inner_b__lt_module_gt_ + 3,
    },
    #endif
    #endif
};
#else
#define proto_fun_pkgA_inner_b__lt_module_gt_ fun_data_pkgA_inner_b__lt_module_gt_[0]
#endif

static const qstr_short_t const_qstr_table_data_pkgA_inner_b[3] = {
    MP_QSTR_pkgA_slash_inner_slash_b_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_B,
};

// constants
#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B
static const mp_obj_float_t const_obj_pkgA_inner_b_0 = {{&mp_type_float}, (mp_float_t)2.5};
#define const_obj_pkgA_inner_b_0_macro MP_ROM_PTR(&const_obj_pkgA_inner_b_0)
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C
#define const_obj_pkgA_inner_b_0_macro ((mp_rom_obj_t)(0xc0a00002))
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D
#define const_obj_pkgA_inner_b_0_macro ((mp_rom_obj_t)(0xc008000000000000))
#endif

// constant table
static const mp_rom_obj_t const_obj_table_data_pkgA_inner_b[1] = {
    const_obj_pkgA_inner_b_0_macro,
};

static const mp_frozen_module_t frozen_module_pkgA_inner_b = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_pkgA_inner_b,
        .obj_table = (mp_obj_t *)&const_obj_table_data_pkgA_inner_b,
    },
    .proto_fun = &proto_fun_pkgA_inner_b__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module solo
// - original source file: build/frozen_mpy/solo.mpy
// - frozen file name: solo.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file solo.py, scope solo__lt_module_gt_
static const byte fun_data_solo__lt_module_gt_[8] = {
    0x00,0x02, // prelude
    0x01, // names: <module>
     // code info
    0x81, // LOAD_CONST_SMALL_INT 1
    0x16,0x02, // STORE_NAME 'S'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_solo__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_solo__lt_module_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 8,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 1,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_solo__lt_module_gt_ + 3,
        .line_info_top = fun_data_solo__lt_module_gt_ + 3,
        .opcodes = fun_data_solo__lt_module_gt_ + 3,
    },
    #endif
    #endif
};
#else
#define proto_fun_solo__lt_module_gt_ fun_data_solo__lt_module_gt_[0]
#endif

static const qstr_short_t const_qstr_table_data_solo[3] = {
    MP_QSTR_solo_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_S,
};

static const mp_frozen_module_t frozen_module_solo = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_solo,
        .obj_table = NULL,
    },
    .proto_fun = &proto_fun_solo__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// collection of all frozen modules

const char mp_frozen_names[] = {
    #ifdef MP_FROZEN_STR_NAMES
    MP_FROZEN_STR_NAMES
    #endif
    "subm.py\0"
    "fancy/__init__.py\0"
    "fancy/core.py\0"
    "pkgA/__init__.py\0"
    "pkgA/inner/b.py\0"
    "solo.py\0"
    "\0"
};

const mp_frozen_module_t *const mp_frozen_mpy_content[] = {
    &frozen_module_subm,
    &frozen_module_fancy___init__,
    &frozen_module_fancy_core,
    &frozen_module_pkgA___init__,
    &frozen_module_pkgA_inner_b,
    &frozen_module_solo,
};

#ifdef MICROPY_FROZEN_LIST_ITEM
MICROPY_FROZEN_LIST_ITEM("subm", "subm.py")
MICROPY_FROZEN_LIST_ITEM("fancy", "fancy/__init__.py")
MICROPY_FROZEN_LIST_ITEM("fancy/core", "fancy/core.py")
MICROPY_FROZEN_LIST_ITEM("pkgA", "pkgA/__init__.py")
MICROPY_FROZEN_LIST_ITEM("pkgA/inner/b", "pkgA/inner/b.py")
MICROPY_FROZEN_LIST_ITEM("solo", "solo.py")
#endif

/*
byte sizes:
qstr content: 16 unique, 167 bytes
bc content: 93
const str content: 0
const int content: 0
const obj content: 12
const table qstr content: 0 entries, 0 bytes
const table ptr content: 1 entries, 4 bytes
raw code content: 8 * 4 = 128
mp_frozen_mpy_names_content: 82
mp_frozen_mpy_content_size: 24
total: 510
*/
