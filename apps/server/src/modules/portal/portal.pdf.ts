import PDFDocument from 'pdfkit';
import type { PersonExport } from './portal.export.ts';

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const when = (d: unknown) =>
  new Date(String(d)).toLocaleString('nb-NO', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Oslo' });
const DAYS = ['', 'man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn'];

/** One heading and its lines; an empty section says so rather than vanishing. */
function section(doc: PDFKit.PDFDocument, title: string, lines: string[]) {
  doc.moveDown().font('Helvetica-Bold').fontSize(14).text(title).font('Helvetica').fontSize(11);
  if (lines.length === 0) doc.text('Ingen.');
  for (const line of lines) doc.text(line, { paragraphGap: 2 });
}

/**
 * The person's data as a PDF in bokmål, in the decision letter's plain style
 * (decisions/letter.ts): the same content as the JSON export, for reading and printing.
 */
export function renderExportPdf(data: PersonExport): Promise<Buffer> {
  const p = data.person as Record<string, string>;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    // ASCII, so any tool (and the browser test) can read what the file is.
    info: { Title: 'Mine data fra Tillit', Subject: `Innsyn ${data.exportedAt.slice(0, 10)}` },
    lang: 'nb-NO',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(20).text('Mine data');
  doc.font('Helvetica').fontSize(11).text(`${p.givenName} ${p.familyName}, født ${p.birthDate}`);
  doc.text(`${p.addressLine}, ${p.postalCode} ${p.city}`).text(`Hentet ${when(data.exportedAt)}`);
  section(
    doc,
    'Pårørende',
    data.nextOfKin.map((k) => `${k.name} (${k.relation})${k.phone ? `, ${k.phone}` : ''}`),
  );
  section(
    doc,
    'Samtykke til pårørende',
    data.consents.map((c) => `${c.name}: ${c.givenAt ? `gitt ${when(c.givenAt)}` : 'ikke gitt'}`),
  );
  section(
    doc,
    'Det som er viktig for meg',
    data.plan.whatMatters.map((w) => `«${w.statement}»`),
  );
  section(
    doc,
    'Mål',
    data.plan.goals.map((g) => `${g.description} (vurderes ${g.reviewDate})`),
  );
  section(
    doc,
    'Tiltak',
    data.plan.measures.map(
      (m) => `${m.title}: ${m.days.map((d) => DAYS[d]).join(', ')} ${clock(m.windowStart)}–${clock(m.windowEnd)}`,
    ),
  );
  section(
    doc,
    'Besøk',
    data.visits.map(
      (v) =>
        `${v.date} ${clock(Number(v.windowStart))}–${clock(Number(v.windowEnd))} ${v.status}${v.note ? `: ${v.note}` : ''}`,
    ),
  );
  section(
    doc,
    'Endringer i tilstand',
    data.conditionChanges.map((c) => `${when(c.createdAt)}: ${c.text}`),
  );
  section(
    doc,
    'Vedtak',
    data.serviceDecisions.map((d) => `${d.serviceType}, ${d.hoursPerWeek} t/uke fra ${d.validFrom}`),
  );
  section(
    doc,
    'Meldinger til teamet',
    data.messages.map((m) => `${when(m.sentAt)} ${m.from}: ${m.text}`),
  );
  section(
    doc,
    'Hvem har lest journalen min',
    data.accessLog.map(
      (r) =>
        `${when(r.at)} ${r.who}${r.role ? ` (${r.role})` : ''}: ${r.what}, ${r.action}${r.emergencyReason ? ` – nødtilgang: ${r.emergencyReason}` : ''}`,
    ),
  );
  doc.end();
  return done;
}
