/** Bahasa Indonesia: the audit log page and its anchors. */
export const auditId = {
  audit: {
    title: 'Log audit',
    verify: 'Verifikasi rantai',
    ok: 'Rantai utuh: {{entries}} entri diperiksa.',
    okAnchored: 'Rantai utuh: {{entries}} entri diperiksa, dicocokkan dengan {{anchors}} jangkar.',
    broken: 'Rantai RUSAK pada entri {{seq}}: {{reason}}',
    brokenAnchors: 'Rantai RUSAK: {{reason}}',
    anchorTitle: 'Jangkar rantai audit',
    anchorExplain:
      'Server menandatangani kepala rantai (nomor dan hash entri terbaru) secara berkala dengan kunci yang disimpan di luar basis data. Siapa pun yang dapat menjalankan SQL tidak dapat menulis ulang atau memotong log tanpa ketahuan saat rantai diverifikasi.',
    anchorLatest: 'Jangkar terbaru: entri #{{seq}}, ditandatangani {{at}}.',
    anchorHead: 'Entri terbaru di basis data: #{{seq}}.',
    anchorKey: 'Kunci penanda tangan',
    anchorHash: 'Hash entri terjangkar',
    anchorNone: 'Belum ada jangkar. Server menulis jangkar pertama paling lambat satu menit setelah ada entri.',
    anchorProblem: 'Jangkar tidak dapat dipercaya: {{problem}}',
    at: 'Waktu',
    actor: 'Pelaku',
    action: 'Tindakan',
    entity: 'Objek',
    empty: 'Belum ada entri.',
  }
};
