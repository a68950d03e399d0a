import { type CertificateKind, formatDate, type Lang } from '@polcenter/domain';
import qrcode from 'qrcode-generator';
import type { PrintableCertificate } from './certificate-views.js';

/**
 * The page leaves the server as a string inside a JSON answer (`certificates.printPage`), and a
 * client shows it in a document of its own: whichever, it runs no script and loads nothing, even
 * if a name escaped wrongly one day. (A `<meta>` policy cannot carry `frame-ancestors`; the page is no
 * answer of ours that a foreign site could frame.)
 */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The printed certificate (*giấy chứng nhận*): one A4 landscape page of HTML that any browser
 * prints or saves as PDF, in the layout of a Vietnamese administrative document — the issuing
 * center and the number on the left, the national motto on the right, the date and the director's
 * signature and seal at the bottom right. A revoked certificate still prints, marked as revoked
 * with the reason, so a copy can never pass for a valid one.
 */
export function certificatePage(
  certificate: PrintableCertificate,
  lang: Lang = 'vi',
  checkUrl: string | null = null,
): string {
  const t = TEXT[lang];
  const c = certificate;
  const check = checkUrl ? certificateCheckLink(checkUrl, c.verificationCode) : null;
  const issuer = escapeHtml(c.issuer.name);
  const score =
    c.finalScore === null ? null : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(c.finalScore);
  const result = [
    score === null ? null : `${t.score}: <strong>${score}</strong>`,
    c.classification ? `${t.classification}: <strong>${escapeHtml(c.classification.name[lang])}</strong>` : null,
  ].filter(Boolean);
  const revoked = c.revokedAt
    ? `<p class="revoked" role="alert">${t.revoked(formatDate(c.revokedAt.slice(0, 10)))}${
        c.revokeReason ? ` — ${t.reason}: ${escapeHtml(c.revokeReason)}` : ''
      }</p>`
    : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}">
<title>${escapeHtml(`${t.title} ${c.numberText} — ${c.personName}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main class="certificate${c.revokedAt ? ' is-revoked' : ''}">
  <header>
    <div class="issuer">
      <p class="issuer-name">${issuer}</p>
      <p>${t.number}: ${escapeHtml(c.numberText)}</p>
    </div>
    <div class="nation">
      <p class="nation-name">${t.nation}</p>
      <p class="motto">${t.motto}</p>
    </div>
  </header>
  <h1>${t.title}</h1>
  <p class="kind">${escapeHtml(KIND_LINE[c.kind][lang])}</p>
  <section class="body">
    <p>${issuer} ${t.certifies}</p>
    <p class="holder">${t.holder}: <strong>${escapeHtml(c.personName)}</strong></p>
    ${c.birthDate ? `<p>${t.born}: ${formatDate(c.birthDate)}</p>` : ''}
    <p>${t.completed} <strong>${escapeHtml(c.program.name[lang])}</strong></p>
    <p>${t.class} ${escapeHtml(c.classCode)}${c.classTitle ? ` — ${escapeHtml(c.classTitle)}` : ''}, ${t.from(
      formatDate(c.classStartDate),
      formatDate(c.classEndDate),
    )}</p>
    ${result.length > 0 ? `<p>${result.join('; ')}</p>` : ''}
  </section>
  <footer>
    <div class="verify">
      ${check ? `<div class="qr" role="img" aria-label="${escapeHtml(t.qrLabel)}">${qrSvg(check)}</div>` : ''}
      <div>
        <p>${t.code}: <code>${escapeHtml(c.verificationCode)}</code></p>
        <p class="hint">${check ? t.scanHint : t.verifyHint}</p>
        ${check ? `<p class="link">${escapeHtml(check)}</p>` : ''}
      </div>
    </div>
    <div class="sign">
      <p class="date">${t.issuedOn(c.issuedOn)}</p>
      <p class="role">${t.director}</p>
      <p class="hint">${t.signHint}</p>
    </div>
  </footer>
  ${revoked}
</main>
</body>
</html>
`;
}

/**
 * The address a reader's phone opens from the QR code: the portal page holding the certificate
 * check, with the code as `?code=` (the check widget reads it on arrival). Any query the page
 * already has is kept.
 */
export function certificateCheckLink(checkUrl: string, verificationCode: string): string {
  const url = new URL(checkUrl);
  url.searchParams.set('code', verificationCode);
  return url.href;
}

/**
 * The QR code as inline SVG drawn on the server, so the printed page needs no script and loads
 * nothing (its policy allows neither). Error correction M survives a crease or a stamp's ink.
 */
function qrSvg(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  return qr.createSvgTag({ cellSize: 1, margin: 2, scalable: true });
}

/** A file name for the saved page: the number (its slash made a dash) and the year; no personal data. */
export function certificateFileName(certificate: Pick<PrintableCertificate, 'numberText' | 'year'>): string {
  return `giay-chung-nhan-${certificate.numberText.replace(/[^\p{L}\p{N}-]+/gu, '-')}-${certificate.year}.html`;
}

const KIND_LINE: Record<CertificateKind, { vi: string; en: string }> = {
  completion: { vi: 'Hoàn thành khóa học', en: 'of completion' },
  elementary_theory: { vi: 'Sơ cấp lý luận chính trị', en: 'in elementary political theory' },
};

const TEXT = {
  vi: {
    title: 'GIẤY CHỨNG NHẬN',
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    number: 'Số',
    certifies: 'chứng nhận:',
    holder: 'Ông/Bà',
    born: 'Sinh ngày',
    completed: 'Đã hoàn thành chương trình',
    class: 'Lớp',
    from: (start: string, end: string) => `từ ngày ${start} đến ngày ${end}`,
    score: 'Điểm tổng kết',
    classification: 'Xếp loại',
    code: 'Mã xác minh',
    verifyHint: 'Tra cứu tính hợp lệ bằng mã này trên cổng thông tin của huyện.',
    scanHint: 'Quét mã QR hoặc mở địa chỉ dưới đây để tra cứu tính hợp lệ.',
    qrLabel: 'Mã QR tra cứu giấy chứng nhận',
    issuedOn: (iso: string) => {
      const [year, month, day] = iso.slice(0, 10).split('-');
      return `Ngày ${day} tháng ${month} năm ${year}`;
    },
    director: 'GIÁM ĐỐC',
    signHint: '(Ký tên, đóng dấu)',
    revoked: (date: string) => `ĐÃ THU HỒI ngày ${date}`,
    reason: 'Lý do',
  },
  en: {
    title: 'CERTIFICATE',
    nation: 'SOCIALIST REPUBLIC OF VIET NAM',
    motto: 'Independence - Freedom - Happiness',
    number: 'No.',
    certifies: 'certifies that',
    holder: 'Mr/Ms',
    born: 'Born on',
    completed: 'has completed the programme',
    class: 'Class',
    from: (start: string, end: string) => `from ${start} to ${end}`,
    score: 'Final score',
    classification: 'Classification',
    code: 'Verification code',
    verifyHint: "Check that it is valid with this code on the district's portal.",
    scanHint: 'Scan the QR code or open the address below to check that it is valid.',
    qrLabel: 'QR code to check the certificate',
    issuedOn: (iso: string) => `Issued on ${formatDate(iso.slice(0, 10))}`,
    director: 'DIRECTOR',
    signHint: '(Signature and seal)',
    revoked: (date: string) => `REVOKED on ${date}`,
    reason: 'Reason',
  },
} as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

// Print first: one A4 landscape page, serif type as on paper, nothing that needs the network.
const STYLE = `
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: #111; background: #fff; }
.certificate { position: relative; width: 273mm; height: 186mm; margin: 0 auto; padding: 10mm 16mm;
  border: 3px double #8a1c1c; display: flex; flex-direction: column; }
header { display: flex; justify-content: space-between; gap: 12mm; text-align: center; font-size: 12pt; }
header p { margin: 0 0 1.5mm; }
.issuer-name, .nation-name { font-weight: bold; text-transform: uppercase; }
.motto { font-weight: bold; text-decoration: underline; }
h1 { margin: 9mm 0 1mm; text-align: center; font-size: 28pt; letter-spacing: 1pt; color: #8a1c1c; }
.kind { margin: 0 0 6mm; text-align: center; font-size: 14pt; font-weight: bold; text-transform: uppercase; }
.body { flex: 1; font-size: 14pt; line-height: 1.5; padding: 0 12mm; }
.body p { margin: 0 0 1.5mm; }
.holder strong { font-size: 16pt; text-transform: uppercase; }
footer { display: flex; justify-content: space-between; align-items: flex-end; font-size: 12pt; }
footer p { margin: 0 0 1.5mm; }
.verify { display: flex; align-items: flex-end; gap: 4mm; max-width: 150mm; }
.qr { flex: none; width: 30mm; height: 30mm; }
.qr svg { display: block; width: 100%; height: 100%; }
.link { font-size: 9pt; overflow-wrap: anywhere; color: #333; }
.sign { text-align: center; min-width: 80mm; min-height: 38mm; }
.date { font-style: italic; }
.role { font-weight: bold; }
.hint { font-size: 10pt; font-style: italic; color: #444; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 12pt; letter-spacing: 1pt; }
.revoked { position: absolute; left: 0; right: 0; top: 44%; margin: 0; padding: 3mm; text-align: center;
  font: bold 20pt sans-serif; color: #b00020; border-top: 2px solid #b00020; border-bottom: 2px solid #b00020;
  background: rgba(255, 255, 255, 0.85); transform: rotate(-8deg); }
@media screen { body { background: #eee; padding: 8mm 0; } .certificate { background: #fff; } }
`;
