/**
 * The default text of every notification, per language, in the register of
 * an Indonesian government letter. A template is a subject and a body with
 * `{{fact}}` placeholders; each kind names the facts it may use. The
 * national admin may replace a template per language (stored in the
 * database, checked by `checkTemplate` before it is saved).
 */
export type Locale = 'id' | 'en';

export type TemplateText = { subject: string; body: string };

export type TemplateDef = {
  /** Carries a decision or a deadline: always e-mailed, whatever the recipient's preferences. */
  essential: boolean;
  /** The facts the template may use, each with a sample for the preview. */
  facts: Record<string, string>;
  id: TemplateText;
  en: TemplateText;
};

const opening = { id: 'Yth. {{recipient}},\n\nDengan hormat,\n\n', en: 'Dear {{recipient}},\n\n' };
const closing = {
  id: '\n\nTautan: {{link}}\n\nAtas perhatian Bapak/Ibu, kami ucapkan terima kasih.\n\nHormat kami,\nPanitia Paritrana Award {{edition}}',
  en: '\n\nLink: {{link}}\n\nThank you for your attention.\n\nYours faithfully,\nThe Paritrana Award {{edition}} Committee',
};

function letter(subjectId: string, bodyId: string, subjectEn: string, bodyEn: string): { id: TemplateText; en: TemplateText } {
  return {
    id: { subject: subjectId, body: opening.id + bodyId + closing.id },
    en: { subject: subjectEn, body: opening.en + bodyEn + closing.en },
  };
}

/** Facts every template may use. */
export const commonFacts: Record<string, string> = {
  recipient: 'Bapak/Ibu Budi Santoso',
  link: 'https://paritrana.example/candidates/…',
  edition: '2025',
};

const candidateFacts = { candidate: 'Kabupaten Contoh', province: 'Jawa Tengah', category: 'Pemerintah Kabupaten/Kota' };

export const templates = {
  'candidate.invitation': {
    essential: true,
    facts: { ...candidateFacts, days: '14' },
    ...letter(
      'Undangan Paritrana Award: {{candidate}}',
      'Bersama ini kami sampaikan bahwa {{candidate}} ({{province}}) dinominasikan sebagai kandidat Paritrana Award kategori {{category}}. Mohon Bapak/Ibu membuka tautan di bawah ini untuk membuat akun dan mengisi penilaian mandiri. Tautan berlaku {{days}} hari dan hanya dapat dipakai sekali.',
      'Paritrana Award invitation: {{candidate}}',
      '{{candidate}} ({{province}}) has been nominated for the Paritrana Award, category {{category}}. Please open the link below to create your account and fill in the self-assessment. The link works once, for {{days}} days.',
    ),
  },
  'candidate.nominated': {
    essential: true,
    facts: { ...candidateFacts, deadline: 'Rabu, 13 Agustus 2025' },
    ...letter(
      'Pemberitahuan Nominasi Paritrana Award: {{candidate}}',
      'Bersama ini kami sampaikan bahwa {{candidate}} ({{province}}) dinominasikan sebagai kandidat Paritrana Award kategori {{category}}. Mohon Bapak/Ibu menanggapi nominasi ini dan mengisi penilaian mandiri paling lambat {{deadline}}.',
      'Paritrana Award nomination: {{candidate}}',
      '{{candidate}} ({{province}}) has been nominated for the Paritrana Award, category {{category}}. Please respond to the nomination and fill in the self-assessment by {{deadline}}.',
    ),
  },
  'candidate.responded': {
    essential: true,
    facts: { ...candidateFacts, response: 'menerima', note: '—' },
    ...letter(
      'Tanggapan Nominasi: {{candidate}} {{response}}',
      'Bersama ini kami sampaikan bahwa {{candidate}} telah {{response}} nominasi Paritrana Award kategori {{category}}. Catatan: {{note}}.',
      'Nomination response: {{candidate}} {{response}}',
      '{{candidate}} has {{response}} its Paritrana Award nomination (category {{category}}). Note: {{note}}.',
    ),
  },
  'self-assessment.submitted': {
    essential: true,
    facts: { ...candidateFacts, submittedAt: 'Senin, 30 November 2026 pukul 10.00 WIB', summary: '42 isian, 12 berkas bukti' },
    ...letter(
      'Tanda Terima Penilaian Mandiri: {{candidate}}',
      'Bersama ini kami sampaikan tanda terima penilaian mandiri {{candidate}} yang dikirim pada {{submittedAt}}. Ringkasan: {{summary}}. Penilaian mandiri selanjutnya akan diverifikasi oleh verifikator provinsi {{province}}.',
      'Self-assessment receipt: {{candidate}}',
      'We acknowledge receipt of the self-assessment of {{candidate}}, submitted on {{submittedAt}}. Summary: {{summary}}. The verifiers of {{province}} will now verify it.',
    ),
  },
  'self-assessment.resubmitted': {
    essential: true,
    facts: { ...candidateFacts, submittedAt: 'Senin, 30 November 2026 pukul 10.00 WIB' },
    ...letter(
      'Perbaikan Diterima: {{candidate}}',
      'Bersama ini kami sampaikan bahwa {{candidate}} telah mengirimkan perbaikan penilaian mandiri pada {{submittedAt}}. Mohon verifikator memeriksa kembali butir yang diperbaiki.',
      'Revision received: {{candidate}}',
      '{{candidate}} sent its revised self-assessment on {{submittedAt}}. Please check the revised items again.',
    ),
  },
  'verification.revision': {
    essential: true,
    facts: { ...candidateFacts, item: 'Program perlindungan: Nelayan', comment: 'Lampirkan data BPJS terbaru', deadline: 'Rabu, 13 Agustus 2025' },
    ...letter(
      'Permintaan Perbaikan Penilaian Mandiri: {{candidate}}',
      'Berdasarkan hasil verifikasi, dengan ini kami mohon {{candidate}} memperbaiki butir berikut:\n\nButir: {{item}}\nCatatan verifikator: {{comment}}\nBatas waktu: {{deadline}}\n\nMohon perbaikan dikirim sebelum batas waktu tersebut.',
      'Revision requested: {{candidate}}',
      'Following verification, we ask {{candidate}} to revise the following item:\n\nItem: {{item}}\nVerifier’s comment: {{comment}}\nDeadline: {{deadline}}',
    ),
  },
  'verification.confirmed': {
    essential: true,
    facts: { ...candidateFacts },
    ...letter(
      'Verifikasi Selesai: {{candidate}}',
      'Bersama ini kami sampaikan bahwa verifikasi penilaian mandiri {{candidate}} telah dinyatakan selesai. Tahap berikutnya adalah penilaian oleh tim penilai.',
      'Verification confirmed: {{candidate}}',
      'The verification of the self-assessment of {{candidate}} is confirmed. The next step is the assessment by the jury.',
    ),
  },
  'eligibility.blocked': {
    essential: true,
    facts: { ...candidateFacts, reason: 'Tingkat kepatuhan di bawah ambang batas' },
    ...letter(
      'Pemberitahuan Kelayakan: {{candidate}}',
      'Bersama ini kami sampaikan bahwa penilaian mandiri {{candidate}} belum dapat diterima karena tidak memenuhi syarat kelayakan dengan alasan: {{reason}}.',
      'Eligibility: {{candidate}}',
      'The self-assessment of {{candidate}} cannot be accepted: it does not meet the eligibility rules. Reason: {{reason}}.',
    ),
  },
  'dispute.decided': {
    essential: true,
    facts: { ...candidateFacts, indicator: 'Cakupan peserta', decision: 'diterima', note: '—' },
    ...letter(
      'Keputusan Sanggahan Data: {{candidate}}',
      'Bersama ini kami sampaikan bahwa sanggahan atas data {{indicator}} {{candidate}} telah diputuskan: {{decision}}. Catatan: {{note}}.',
      'Dispute decided: {{candidate}}',
      'The dispute of {{candidate}} about {{indicator}} has been decided: {{decision}}. Note: {{note}}.',
    ),
  },
  'interview.scheduled': {
    essential: true,
    facts: { ...candidateFacts, date: 'Rabu, 13 Agustus 2025', time: '09.00–10.00 WIB', place: 'Ruang Rapat Kantor Gubernur', attendees: 'Bupati/Wali Kota atau pejabat yang ditunjuk' },
    ...letter(
      'Undangan Wawancara Paritrana Award: {{candidate}}',
      'Dengan ini kami mengundang {{candidate}} untuk mengikuti wawancara tim penilai pada:\n\nHari/tanggal: {{date}}\nWaktu: {{time}}\nTempat/tautan: {{place}}\nYang hadir: {{attendees}}\n\nMohon hadir tepat waktu.',
      'Paritrana Award interview: {{candidate}}',
      'We invite {{candidate}} to the jury’s interview:\n\nDate: {{date}}\nTime: {{time}}\nPlace or link: {{place}}\nWho should attend: {{attendees}}',
    ),
  },
  'interview.changed': {
    essential: true,
    facts: { ...candidateFacts, date: 'Kamis, 14 Agustus 2025', time: '13.00–14.00 WIB', place: 'https://meet.example/abc', attendees: 'Bupati/Wali Kota atau pejabat yang ditunjuk' },
    ...letter(
      'Perubahan Jadwal Wawancara: {{candidate}}',
      'Bersama ini kami sampaikan perubahan jadwal wawancara {{candidate}} menjadi:\n\nHari/tanggal: {{date}}\nWaktu: {{time}}\nTempat/tautan: {{place}}\nYang hadir: {{attendees}}',
      'Interview changed: {{candidate}}',
      'The interview of {{candidate}} has changed to:\n\nDate: {{date}}\nTime: {{time}}\nPlace or link: {{place}}\nWho should attend: {{attendees}}',
    ),
  },
  'pool.juror-assigned': {
    essential: true,
    facts: { pool: 'Provinsi Jawa Tengah — Pemerintah Kabupaten/Kota', candidates: '5' },
    ...letter(
      'Penugasan Tim Penilai: {{pool}}',
      'Dengan ini kami sampaikan bahwa Bapak/Ibu ditugaskan sebagai anggota tim penilai untuk {{pool}}, dengan {{candidates}} kandidat untuk dinilai.',
      'Jury assignment: {{pool}}',
      'You have been assigned as a juror of {{pool}}, with {{candidates}} candidates to assess.',
    ),
  },
  'stage.opened': {
    essential: true,
    facts: { pool: 'Provinsi Jawa Tengah — Pemerintah Kabupaten/Kota', stage: 'Penilaian dokumen', deadline: 'Rabu, 13 Agustus 2025' },
    ...letter(
      'Tahap Penilaian Dibuka: {{stage}}',
      'Bersama ini kami sampaikan bahwa tahap {{stage}} untuk {{pool}} telah dibuka. Mohon Bapak/Ibu menyelesaikan lembar penilaian paling lambat {{deadline}}.',
      'Stage opened: {{stage}}',
      'The stage {{stage}} of {{pool}} is open. Please complete your marking sheets by {{deadline}}.',
    ),
  },
  'conflict.declared': {
    essential: true,
    facts: { pool: 'Provinsi Jawa Tengah — Pemerintah Kabupaten/Kota', juror: 'Dr. Siti Rahma', candidate: 'Kabupaten Contoh', reason: 'Pernah bekerja di instansi tersebut' },
    ...letter(
      'Pernyataan Konflik Kepentingan: {{juror}}',
      '{{juror}} menyatakan konflik kepentingan terhadap {{candidate}} pada {{pool}} dengan alasan: {{reason}}. Mohon pernyataan ini ditinjau.',
      'Conflict of interest declared: {{juror}}',
      '{{juror}} declared a conflict of interest with {{candidate}} in {{pool}}. Reason: {{reason}}. Please review it.',
    ),
  },
  'conflict.reviewed': {
    essential: true,
    facts: { juror: 'Dr. Siti Rahma', candidate: 'Kabupaten Contoh', decision: 'dikonfirmasi', note: '—' },
    ...letter(
      'Hasil Tinjauan Konflik Kepentingan: {{candidate}}',
      'Bersama ini kami sampaikan bahwa konflik kepentingan Bapak/Ibu terhadap {{candidate}} telah ditinjau dengan hasil: {{decision}}. Catatan: {{note}}.',
      'Conflict of interest reviewed: {{candidate}}',
      'Your conflict of interest with {{candidate}} has been reviewed: {{decision}}. Note: {{note}}.',
    ),
  },
  'result.finalised': {
    essential: true,
    facts: { pool: 'Provinsi Jawa Tengah — Pemerintah Kabupaten/Kota', winners: 'Kabupaten Contoh, Kota Contoh' },
    ...letter(
      'Hasil Penilaian Ditetapkan: {{pool}}',
      'Bersama ini kami sampaikan bahwa hasil penilaian {{pool}} telah ditetapkan. Peringkat teratas: {{winners}}. Hasil belum diumumkan kepada publik.',
      'Result finalised: {{pool}}',
      'The result of {{pool}} has been finalised. Top ranks: {{winners}}. It is not yet announced.',
    ),
  },
  'result.announced': {
    essential: true,
    facts: { ...candidateFacts, pool: 'Provinsi Jawa Tengah — Pemerintah Kabupaten/Kota', rank: '1', score: '87,50' },
    ...letter(
      'Pengumuman Hasil Paritrana Award: {{candidate}}',
      'Bersama ini kami sampaikan hasil penilaian Paritrana Award untuk {{pool}}. {{candidate}} memperoleh peringkat {{rank}} dengan nilai akhir {{score}}.',
      'Paritrana Award result: {{candidate}}',
      'The Paritrana Award result of {{pool}} has been announced. {{candidate}} ranks {{rank}} with a final score of {{score}}.',
    ),
  },
  'candidate.advanced': {
    essential: true,
    facts: { ...candidateFacts, level: 'Tingkat Nasional' },
    ...letter(
      'Kandidat Melaju ke {{level}}: {{candidate}}',
      'Dengan bangga kami sampaikan bahwa {{candidate}} melaju ke penilaian Paritrana Award {{level}}. Informasi tahap berikutnya akan kami sampaikan kemudian.',
      'Advanced to the next level: {{candidate}}',
      '{{candidate}} advances to {{level}} of the Paritrana Award. We will send the next steps.',
    ),
  },
  'certificate.issued': {
    essential: true,
    facts: { ...candidateFacts, code: 'PA25-7K3M-X', check: 'https://paritrana.example/verifikasi/PA25-7K3M-X' },
    ...letter(
      'Piagam Penghargaan Paritrana Award: {{candidate}}',
      'Bersama ini kami sampaikan bahwa piagam penghargaan untuk {{candidate}} telah diterbitkan dengan nomor {{code}}. Keaslian piagam dapat diperiksa pada {{check}}.',
      'Paritrana Award certificate: {{candidate}}',
      'The certificate of {{candidate}} has been issued with code {{code}}. Anyone can check it at {{check}}.',
    ),
  },
  'reminder.self-assessment': {
    essential: false,
    facts: { ...candidateFacts, deadline: 'Rabu, 13 Agustus 2025', days: '3' },
    ...letter(
      'Pengingat: Batas Waktu Penilaian Mandiri {{days}} Hari Lagi',
      'Bersama ini kami mengingatkan bahwa penilaian mandiri {{candidate}} belum dikirim. Batas waktu pengiriman adalah {{deadline}} ({{days}} hari lagi).',
      'Reminder: self-assessment due in {{days}} days',
      'The self-assessment of {{candidate}} has not been submitted yet. It is due on {{deadline}} ({{days}} days from now).',
    ),
  },
  'reminder.revision': {
    essential: false,
    facts: { ...candidateFacts, deadline: 'Rabu, 13 Agustus 2025', days: '3' },
    ...letter(
      'Pengingat: Batas Waktu Perbaikan {{days}} Hari Lagi',
      'Bersama ini kami mengingatkan bahwa perbaikan penilaian mandiri {{candidate}} belum dikirim. Batas waktu perbaikan adalah {{deadline}} ({{days}} hari lagi).',
      'Reminder: revision due in {{days}} days',
      'The revision of the self-assessment of {{candidate}} has not been sent yet. It is due on {{deadline}} ({{days}} days from now).',
    ),
  },
  'reminder.marking': {
    essential: false,
    facts: { pool: 'Provinsi Jawa Tengah — Pemerintah Kabupaten/Kota', stage: 'Penilaian dokumen', deadline: 'Rabu, 13 Agustus 2025', days: '1', open: '3' },
    ...letter(
      'Pengingat: Tahap {{stage}} Ditutup {{days}} Hari Lagi',
      'Bersama ini kami mengingatkan bahwa tahap {{stage}} untuk {{pool}} ditutup pada {{deadline}} ({{days}} hari lagi), sedangkan {{open}} lembar penilaian Bapak/Ibu belum dikirim.',
      'Reminder: {{stage}} closes in {{days}} days',
      'The stage {{stage}} of {{pool}} closes on {{deadline}} ({{days}} days from now); {{open}} of your marking sheets are still open.',
    ),
  },
  'digest.daily': {
    essential: false,
    facts: { day: 'Senin, 30 November 2026', count: '4', items: '- Tanda Terima Penilaian Mandiri: Kabupaten Contoh' },
    ...letter(
      'Ringkasan Harian Paritrana Award: {{day}}',
      'Bersama ini kami sampaikan ringkasan {{count}} pemberitahuan pada {{day}}:\n\n{{items}}',
      'Paritrana Award daily digest: {{day}}',
      'The {{count}} notifications of {{day}}:\n\n{{items}}',
    ),
  },
} satisfies Record<string, TemplateDef>;

export type NotificationKind = keyof typeof templates;
export const notificationKinds = Object.keys(templates) as NotificationKind[];
export const isKind = (kind: string): kind is NotificationKind => Object.hasOwn(templates, kind);

/** Facts a kind's template may use (its own and the common ones), with samples. */
export function factsOf(kind: NotificationKind): Record<string, string> {
  return { ...commonFacts, ...templates[kind].facts };
}

const placeholder = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

export type TemplateProblem = { path: string; message: string };

/**
 * Checks a template's text: every `{{` closes, every placeholder is a fact
 * of the kind. Answers the problems (empty when it is fine).
 */
export function checkTemplate(kind: NotificationKind, text: TemplateText): TemplateProblem[] {
  const allowed = factsOf(kind);
  const problems: TemplateProblem[] = [];
  for (const field of ['subject', 'body'] as const) {
    const value = text[field];
    const stripped = value.replace(placeholder, '');
    if (stripped.includes('{{') || stripped.includes('}}')) {
      problems.push({ path: field, message: 'A placeholder is not closed or not a plain name: write {{fact}}' });
    }
    for (const match of value.matchAll(placeholder)) {
      const name = match[1]!;
      if (!Object.hasOwn(allowed, name)) problems.push({ path: field, message: `Unknown placeholder {{${name}}}: this template may use ${Object.keys(allowed).join(', ')}` });
    }
  }
  return problems;
}

/** Fills a template's placeholders from the facts (a missing fact becomes "—"). */
export function render(text: TemplateText, facts: Record<string, string>): TemplateText {
  const fill = (s: string) => s.replace(placeholder, (_m, name: string) => facts[name] ?? '—');
  return { subject: fill(text.subject), body: fill(text.body) };
}
