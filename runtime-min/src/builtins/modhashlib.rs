//! The `hashlib` module (after extmod/modhashlib.c): `sha256`, whose objects take `update`
//! calls and give one `digest` (after which both raise `ValueError: hash is final`). The
//! state lives in a bytes block of the instance: the eight hash words, the pending block, the
//! message length and the final flag.

use super::funcs::check_n;
use super::*;

/// The state block: 8 hash words (32 bytes), a 64-byte pending block, the message length in
/// bytes (8), the final flag (1).
const STATE_LEN: usize = 32 + 64 + 8 + 1;
const PENDING: usize = 32;
const LENGTH: usize = 96;
const FINAL: usize = 104;

const INITIAL: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

const K: [u32; 64] = [
    0x428a_2f98,
    0x7137_4491,
    0xb5c0_fbcf,
    0xe9b5_dba5,
    0x3956_c25b,
    0x59f1_11f1,
    0x923f_82a4,
    0xab1c_5ed5,
    0xd807_aa98,
    0x1283_5b01,
    0x2431_85be,
    0x550c_7dc3,
    0x72be_5d74,
    0x80de_b1fe,
    0x9bdc_06a7,
    0xc19b_f174,
    0xe49b_69c1,
    0xefbe_4786,
    0x0fc1_9dc6,
    0x240c_a1cc,
    0x2de9_2c6f,
    0x4a74_84aa,
    0x5cb0_a9dc,
    0x76f9_88da,
    0x983e_5152,
    0xa831_c66d,
    0xb003_27c8,
    0xbf59_7fc7,
    0xc6e0_0bf3,
    0xd5a7_9147,
    0x06ca_6351,
    0x1429_2967,
    0x27b7_0a85,
    0x2e1b_2138,
    0x4d2c_6dfc,
    0x5338_0d13,
    0x650a_7354,
    0x766a_0abb,
    0x81c2_c92e,
    0x9272_2c85,
    0xa2bf_e8a1,
    0xa81a_664b,
    0xc24b_8b70,
    0xc76c_51a3,
    0xd192_e819,
    0xd699_0624,
    0xf40e_3585,
    0x106a_a070,
    0x19a4_c116,
    0x1e37_6c08,
    0x2748_774c,
    0x34b0_bcb5,
    0x391c_0cb3,
    0x4ed8_aa4a,
    0x5b9c_ca4f,
    0x682e_6ff3,
    0x748f_82ee,
    0x78a5_636f,
    0x84c8_7814,
    0x8cc7_0208,
    0x90be_fffa,
    0xa450_6ceb,
    0xbef9_a3f7,
    0xc671_78f2,
];

/// One SHA-256 compression of `block` into `h`.
fn compress(h: &mut [u32; 8], block: &[u8; 64]) {
    let mut w = [0u32; 64];
    for (i, word) in block.chunks_exact(4).enumerate() {
        w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
    }
    for i in 16..64 {
        let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
        let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16]
            .wrapping_add(s0)
            .wrapping_add(w[i - 7])
            .wrapping_add(s1);
    }
    let mut v = *h;
    for i in 0..64 {
        let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
        let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
        let t1 = v[7]
            .wrapping_add(s1)
            .wrapping_add(ch)
            .wrapping_add(K[i])
            .wrapping_add(w[i]);
        let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
        let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
        let t2 = s0.wrapping_add(maj);
        v = [
            t1.wrapping_add(t2),
            v[0],
            v[1],
            v[2],
            v[3].wrapping_add(t1),
            v[4],
            v[5],
            v[6],
        ];
    }
    for (x, y) in h.iter_mut().zip(v) {
        *x = x.wrapping_add(y);
    }
}

/// A SHA-256 computation over a state block (see [`STATE_LEN`]).
struct Sha256<'s>(&'s mut [u8]);

impl Sha256<'_> {
    fn words(&self) -> [u32; 8] {
        core::array::from_fn(|i| {
            let b = &self.0[4 * i..4 * i + 4];
            u32::from_le_bytes([b[0], b[1], b[2], b[3]])
        })
    }

    fn set_words(&mut self, h: &[u32; 8]) {
        for (i, w) in h.iter().enumerate() {
            self.0[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes());
        }
    }

    fn length(&self) -> u64 {
        let mut b = [0u8; 8];
        b.copy_from_slice(&self.0[LENGTH..LENGTH + 8]);
        u64::from_le_bytes(b)
    }

    fn update(&mut self, data: &[u8]) {
        let mut h = self.words();
        let mut len = self.length();
        for &byte in data {
            #[allow(clippy::cast_possible_truncation)]
            let at = (len % 64) as usize;
            self.0[PENDING + at] = byte;
            len += 1;
            if at == 63 {
                let mut block = [0u8; 64];
                block.copy_from_slice(&self.0[PENDING..PENDING + 64]);
                compress(&mut h, &block);
            }
        }
        self.set_words(&h);
        self.0[LENGTH..LENGTH + 8].copy_from_slice(&len.to_le_bytes());
    }

    fn digest(&mut self) -> [u8; 32] {
        let bits = self.length().wrapping_mul(8);
        self.update(&[0x80]);
        while self.length() % 64 != 56 {
            self.update(&[0]);
        }
        self.update(&bits.to_be_bytes());
        let mut out = [0u8; 32];
        for (i, w) in self.words().iter().enumerate() {
            out[4 * i..4 * i + 4].copy_from_slice(&w.to_be_bytes());
        }
        out
    }
}

/// `hashlib.sha256([data])`: the state block (the class instance holds it).
pub(super) fn sha256_new(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 0, 1)?;
    #[allow(clippy::cast_possible_truncation)]
    let state = vm.new_str_uninit(Kind::Bytes, STATE_LEN)?;
    {
        let mut sha = Sha256(vm.heap.bytes_mut(state, 1, STATE_LEN as u32));
        sha.0.fill(0);
        sha.set_words(&INITIAL);
    }
    if let Some(data) = vm.arg_pos(a, 0) {
        vm.push_root(Obj::heap(state));
        let r = feed(vm, state, data);
        vm.pop_root();
        r?;
    }
    Ok(Obj::heap(state))
}

/// The state block of hash object `h`; `ValueError: hash is final` after its digest.
fn state_of(vm: &mut Vm<'_>, h: Obj) -> PyResult<u32> {
    let Some(state) = vm.native_of(h).and_then(|s| s.heap_offset()) else {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "argument has wrong type"));
    };
    #[allow(clippy::cast_possible_truncation)]
    if vm.heap.bytes(state, 1, STATE_LEN as u32).get(FINAL) != Some(&0) {
        return Err(vm.raise_msg_str(T_VALUE_ERROR, "hash is final"));
    }
    Ok(state)
}

/// Hash `data`'s buffer into the state block.
fn feed(vm: &mut Vm<'_>, state: u32, data: Obj) -> PyResult<()> {
    let fed = vm.buffer_chunks(data, |vm, _, chunk| {
        #[allow(clippy::cast_possible_truncation)]
        Sha256(vm.heap.bytes_mut(state, 1, STATE_LEN as u32)).update(chunk);
        Ok(())
    })?;
    if !fed {
        return Err(vm.raise_msg_str(T_TYPE_ERROR, "object with buffer protocol required"));
    }
    Ok(())
}

/// `h.update(data)`.
pub(super) fn sha256_update(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 2, 2)?;
    let state = state_of(vm, vm.arg(a, 0))?;
    feed(vm, state, vm.arg(a, 1))?;
    Ok(Obj::NONE)
}

/// `h.digest()`: the 32-byte hash; the object is final afterwards.
pub(super) fn sha256_digest(vm: &mut Vm<'_>, a: &Args) -> PyResult<Obj> {
    check_n(vm, a, 1, 1)?;
    let state = state_of(vm, vm.arg(a, 0))?;
    #[allow(clippy::cast_possible_truncation)]
    let digest = {
        let block = vm.heap.bytes_mut(state, 1, STATE_LEN as u32);
        let digest = Sha256(&mut *block).digest();
        block[FINAL] = 1;
        digest
    };
    vm.new_bytes(&digest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha256(data: &[u8]) -> [u8; 32] {
        let mut state = [0u8; STATE_LEN];
        let mut sha = Sha256(&mut state);
        sha.set_words(&INITIAL);
        sha.update(data);
        sha.digest()
    }

    #[test]
    fn digests_match_the_standard_vectors() {
        let hex = |d: [u8; 32]| {
            d.iter()
                .map(|b| std::format!("{b:02x}"))
                .collect::<std::string::String>()
        };
        assert_eq!(
            hex(sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            hex(sha256(&[b'a'; 1000])),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"
        );
    }
}
