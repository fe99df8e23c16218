/** Bahasa Indonesia: one's own account, forgotten and reset passwords. */
export const accountId = {
  account: {
    nav: 'Akun saya',
    title: 'Akun saya',
    name: 'Nama',
    email: 'E-mail',
    roles: 'Peran',
    changePassword: 'Ganti kata sandi',
    changeHint: 'Setelah kata sandi diganti, sesi Anda di perangkat lain berakhir.',
    currentPassword: 'Kata sandi saat ini',
    newPassword: 'Kata sandi baru',
    repeatPassword: 'Ulangi kata sandi baru',
    passwordHint: 'Minimal 12 karakter; kata sandi yang umum atau pernah bocor ditolak.',
    mismatch: 'Kedua kata sandi baru tidak sama.',
    save: 'Simpan kata sandi baru',
    changed: 'Kata sandi diganti. Sesi di perangkat lain sudah diakhiri.',
  },
  forgot: {
    title: 'Lupa kata sandi',
    hint: 'Masukkan e-mail akun Anda. Bila e-mail itu terdaftar, kami mengirim tautan untuk membuat kata sandi baru; tautan berlaku satu jam dan sekali pakai.',
    email: 'E-mail',
    submit: 'Kirim tautan',
    sent: 'Bila e-mail itu terdaftar, tautan sudah dikirim. Periksa kotak masuk (dan folder spam) Anda.',
    back: 'Kembali ke halaman masuk',
  },
  reset: {
    title: 'Buat kata sandi baru',
    hint: 'Setelah kata sandi baru disimpan, semua sesi akun ini berakhir; masuk kembali dengan kata sandi baru.',
    submit: 'Simpan kata sandi',
    done: 'Kata sandi baru tersimpan. Silakan masuk.',
    login: 'Masuk',
  },
};
