import PDFDocument from 'pdfkit';

export interface LetterData {
  municipality: string;
  district: string;
  team: string;
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
    info: { Title: `Vedtak om ${d.serviceName}`, Author: `${d.municipality} kommune` },
    lang: 'nb-NO',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(10).text(`${d.municipality} kommune · ${d.district} · ${d.team}`, { align: 'right' });
  doc
    .moveDown(2)
    .fontSize(11)
    .text(d.person.name)
    .text(d.person.addressLine)
    .text(`${d.person.postalCode} ${d.person.city}`);
  doc.moveDown().text(`Dato: ${dato(d.decidedAt)}`, { align: 'right' });
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
      `${d.team}, ${d.district}. Vi vurderer saken på nytt. Får du ikke medhold, sender vi klagen videre til Statsforvalteren, ` +
      'som avgjør den. Du kan få hjelp til å skrive klagen. Du har rett til å se dokumentene i saken din (forvaltningsloven § 18). ' +
      'Du kan be om at vedtaket ikke blir satt i verk før klagen er avgjort (forvaltningsloven § 42).',
  );
  doc
    .moveDown(2)
    .text(`Med vennlig hilsen\n${d.decidedBy}${d.cosignedBy ? `\n${d.cosignedBy} (medsignert)` : ''}\n${d.team}`);
  doc.end();
  return done;
}
