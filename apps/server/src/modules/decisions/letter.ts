import { osloDate } from '@tillit/contracts';
import PDFDocument from 'pdfkit';

export interface LetterData {
  /** The decision's id: the case number is made from it. */
  id: string;
  /** `awaiting_cosign`: not valid until co-signed, so the letter is a draft. */
  status: string;
  municipality: string;
  district: string;
  team: string;
  /** Where the person reaches the team (null where the team has not registered it). */
  teamContact: { addressLine: string | null; postalCode: string | null; city: string | null; phone: string | null };
  person: { name: string; addressLine: string; postalCode: string; city: string };
  serviceName: string;
  hoursPerWeek: number;
  validFrom: string;
  validUntil: string | null;
  needsAndWishes: string;
  reasons: string;
  legalBasis: string;
  decidedBy: string;
  cosignedBy: string | null;
  decidedAt: Date;
}

const dato = (d: Date | string) =>
  new Date(d).toLocaleDateString('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' });

/** The case number printed on the letter and asked for in an appeal: the year (in Oslo) and the start of the decision's id. */
export const caseNumber = (d: Pick<LetterData, 'id' | 'decidedAt'>) =>
  `${osloDate(new Date(d.decidedAt)).slice(0, 4)}/${d.id.slice(0, 8).toUpperCase()}`;

/** A decision that still waits for its co-signature is printed as a draft, never as a letter to send. */
export const isDraft = (d: Pick<LetterData, 'status'>) => d.status === 'awaiting_cosign';

/** The team's address and phone as lines; what is missing is said, not left blank. */
export function teamContactLines(d: Pick<LetterData, 'team' | 'teamContact'>): string[] {
  const c = d.teamContact;
  const place = [c.postalCode, c.city].filter(Boolean).join(' ');
  return [
    d.team,
    c.addressLine ? `${c.addressLine}${place ? `, ${place}` : ''}` : 'Adresse: ikke registrert',
    `Telefon: ${c.phone ?? 'ikke registrert'}`,
  ];
}

/**
 * The decision letter in bokmål (forvaltningsloven §§ 24–27): the decision, the facts and
 * reasons, the rules, and the right to appeal — deadline, where to send, reconsideration
 * first, then Statsforvalteren — the right to see the case documents, and deferred
 * implementation on request.
 */
export function renderDecisionLetter(d: LetterData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: `${isDraft(d) ? 'UTKAST: ' : ''}Vedtak om ${d.serviceName}`,
      Author: `${d.municipality} kommune`,
      // Plain ASCII, so the PDF's info names the case and the draft where any tool can read them.
      Subject: `Saksnummer ${caseNumber(d)}${isDraft(d) ? ' UTKAST' : ''}`,
    },
    lang: 'nb-NO',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  if (isDraft(d)) drawDraftMark(doc);
  doc.fontSize(10).text(`${d.municipality} kommune · ${d.district}`, { align: 'right' });
  for (const line of teamContactLines(d)) doc.text(line, { align: 'right' });
  doc.text(`Saksnummer: ${caseNumber(d)}`, { align: 'right' });
  doc
    .moveDown(2)
    .fontSize(11)
    .text(d.person.name)
    .text(d.person.addressLine)
    .text(`${d.person.postalCode} ${d.person.city}`);
  doc.moveDown().text(`Dato: ${dato(d.decidedAt)}`, { align: 'right' });
  if (isDraft(d)) {
    doc
      .moveDown()
      .fontSize(14)
      .font('Helvetica-Bold')
      .text('UTKAST – ikke gyldig før vedtaket er medsignert')
      .font('Helvetica');
  }
  doc.moveDown(1.5).fontSize(16).text(`Vedtak om ${d.serviceName}`);
  const h = (title: string) =>
    doc.moveDown().fontSize(12).font('Helvetica-Bold').text(title).font('Helvetica').fontSize(11);
  h('Vedtak');
  doc.text(
    `Du får ${d.serviceName} med et omfang på ${String(d.hoursPerWeek).replace('.', ',')} timer per uke fra ${dato(d.validFrom)}` +
      (d.validUntil ? ` til ${dato(d.validUntil)}.` : ', inntil videre.') +
      ' Tidspunkter og hva hjelpen skal bestå av, avtaler vi med deg og står i tiltaksplanen din.',
  );
  h('Dine behov og ønsker');
  doc.text(d.needsAndWishes);
  h('Begrunnelse');
  doc.text(d.reasons);
  h('Lovgrunnlag');
  doc.text(d.legalBasis);
  h('Du kan klage');
  doc.text(
    'Du kan klage på vedtaket. Fristen er tre uker fra du fikk dette brevet. Send klagen til teamet som har gjort vedtaket, ' +
      `${teamContactLines(d).join(', ')}, og oppgi saksnummer ${caseNumber(d)}. Vi vurderer saken på nytt. Får du ikke medhold, sender vi klagen videre til Statsforvalteren, ` +
      'som avgjør den. Du kan få hjelp til å skrive klagen. Du har rett til å se dokumentene i saken din (forvaltningsloven § 18). ' +
      'Du kan be om at vedtaket ikke blir satt i verk før klagen er avgjort (forvaltningsloven § 42).',
  );
  doc
    .moveDown(2)
    .text(`Med vennlig hilsen\n${d.decidedBy}${d.cosignedBy ? `\n${d.cosignedBy} (medsignert)` : ''}\n${d.team}`);
  doc.end();
  return done;
}

/** «UTKAST» across the page, light enough to read the letter through. */
function drawDraftMark(doc: PDFKit.PDFDocument) {
  doc.save();
  doc.rotate(-45, { origin: [doc.page.width / 2, doc.page.height / 2] });
  doc
    .fontSize(110)
    .fillColor('#d0d0d0')
    .text('UTKAST', 0, doc.page.height / 2 - 60, { width: doc.page.width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillColor('black').fontSize(10);
  doc.x = doc.page.margins.left;
  doc.y = doc.page.margins.top;
}
