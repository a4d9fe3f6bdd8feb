import PDFDocument from 'pdfkit';
import type { MedicationList } from './medicines.repository.ts';

const FORM: Record<string, string> = {
  tablet: 'tablett',
  capsule: 'kapsel',
  liquid: 'mikstur',
  injection: 'injeksjon',
  patch: 'plaster',
  inhaler: 'inhalasjon',
  drops: 'dråper',
  cream: 'krem',
  other: 'annet',
};
const ROUTE: Record<string, string> = {
  oral: 'gjennom munnen',
  subcutaneous: 'under huden',
  intramuscular: 'i muskel',
  transdermal: 'på huden (plaster)',
  inhaled: 'inhaleres',
  topical: 'smøres på',
  eye: 'i øyet',
  rectal: 'i endetarmen',
  other: 'annet',
};
const DISPENSING: Record<string, string> = {
  multidose: 'multidose fra apoteket',
  pill_organiser: 'dosett fylt av sykepleier',
  original_packs: 'originalpakning',
};
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const dato = (d: string) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString('nb-NO', { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * «Legemiddelkort»: the person's current medicines in plain bokmål, for the person and their next
 * of kin — what, how much, when, why, and who prescribed it. Stopped medicines are left out.
 */
export function renderMedicationChart(list: MedicationList, today: string, printedBy: string): Promise<Buffer> {
  const name = `${list.person.givenName} ${list.person.familyName}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Legemiddelkort for ${name}`, Author: 'Tillit' },
    lang: 'nb-NO',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(18).text(`Legemiddelkort for ${name}`);
  doc.fontSize(10).text(`Født ${dato(list.person.birthDate)} · skrevet ut ${dato(today)} av ${printedBy}`);
  const current = list.medications.filter((m) => m.startDate <= today && (!m.stopDate || m.stopDate >= today));
  const upcoming = list.medications.filter((m) => m.startDate > today);
  const section = (title: string, rows: typeof current) => {
    doc.moveDown().fontSize(13).font('Helvetica-Bold').text(title).font('Helvetica').fontSize(11);
    if (!rows.length) doc.text('Ingen.');
    for (const m of rows) {
      const times = m.asNeeded
        ? `ved behov, høyst ${m.maxPer24h} ganger per døgn`
        : (m.times as number[]).map(hhmm).join(', ');
      doc
        .moveDown(0.5)
        .font('Helvetica-Bold')
        .text(`${m.drugName} ${m.strength}${m.highRisk ? ' (to signaturer)' : ''}`);
      doc
        .font('Helvetica')
        .text(`${m.dose} ${FORM[m.form as string] ?? ''}, ${ROUTE[m.route as string] ?? ''}: ${times}`)
        .text(`Mot: ${m.indication}. Forskrevet av ${m.prescriber}.`)
        .text(
          `Fra ${dato(m.startDate)}${m.stopDate ? ` til ${dato(m.stopDate)}` : ''} · ${DISPENSING[m.dispensing as string] ?? ''}` +
            (m.atcCode ? ` · ATC ${m.atcCode}` : ''),
        );
    }
  };
  section(
    'Faste legemidler',
    current.filter((m) => !m.asNeeded),
  );
  section(
    'Ved behov',
    current.filter((m) => m.asNeeded),
  );
  if (upcoming.length) section('Starter senere', upcoming);
  doc
    .moveDown(2)
    .fontSize(9)
    .text(
      'Listen er hjemmetjenestens, ført etter fastlegens forskrivning. Spør teamet eller fastlegen om noe er uklart, ' +
        'og si fra om du bruker andre legemidler, naturmidler eller kosttilskudd.',
    );
  doc.end();
  return done;
}
