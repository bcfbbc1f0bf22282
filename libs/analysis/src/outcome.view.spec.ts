import type { DocumentEvidence, FieldEvidence } from '@idv/verdict';
import { documentView } from './outcome.view';

const read = (value: string, extra: Partial<FieldEvidence> = {}): FieldEvidence => ({
  value,
  source: 'mrz',
  side: 'front',
  confidence: 0.9,
  ...extra,
});

const evidence = (fields: DocumentEvidence['fields']): DocumentEvidence => ({
  family: 'mrz',
  format: 'TD2',
  documentType: 'id_card',
  found: true,
  supported: true,
  readable: true,
  unreadable: [],
  confidence: 0.9,
  fields,
  checks: [],
});

describe('documentView', () => {
  it('shows a country code that exists nowhere as not read, never as an issuing state or nationality', () => {
    const view = documentView(
      evidence({
        issuingCountry: read('RAL', { doubtful: true }),
        nationality: read('GES', { doubtful: true }),
        surname: read('LEFEVRE'),
        documentNumber: read('NX1M35922'),
      }),
      'id_card',
    );
    expect(view).toMatchObject({ issuingCountry: null, nationality: null, surname: 'LEFEVRE' });
  });

  it('shows the codes that exist, ICAO specials included', () => {
    const view = documentView(evidence({ issuingCountry: read('D'), nationality: read('UTO') }), 'id_card');
    expect(view).toMatchObject({ issuingCountry: 'D', nationality: 'UTO' });
  });
});
