import type { DocumentEvidence, FieldEvidence } from '@idv/verdict';
import { namesSettledByReadings, type MrzReading } from './second-reading';

const field = (value: string | null): FieldEvidence => ({
  value,
  source: 'mrz',
  side: 'front',
  confidence: 0.9,
});
const evidence = (surname: string): DocumentEvidence =>
  ({ fields: { surname: field(surname), givenNames: field('ANNA') } }) as unknown as DocumentEvidence;
const reading = (surname: string | null): MrzReading => ({ surname: field(surname) });
/** The record's surname is LINDQVIST. */
const matchesRecord = (candidate: DocumentEvidence) => candidate.fields.surname?.value === 'LINDQVIST';

describe('namesSettledByReadings', () => {
  it('corroborates a name both recognisers read alike: the record differs', () => {
    const settled = namesSettledByReadings(
      ['surname'],
      evidence('LINDQVIS'),
      [reading('LINDQVIS'), reading('LINDQVIS')],
      matchesRecord,
    );
    expect(settled.surname).toMatchObject({ value: 'LINDQVIS', corroborated: true });
  });

  it('takes the registered spelling when one recogniser read it exactly and the other slipped', () => {
    const settled = namesSettledByReadings(
      ['surname'],
      evidence('LINDOVIST'),
      [reading('LINDOVIST'), reading('LINDQVIST')],
      matchesRecord,
    );
    expect(settled.surname).toMatchObject({ value: 'LINDQVIST' });
    expect(settled.surname?.corroborated).toBeUndefined();
  });

  it('does not corroborate a doubtful name (a shifted line reads shifted alike in both readings)', () => {
    const doubtful = evidence('ULINDQVIS');
    doubtful.fields.surname = { ...doubtful.fields.surname!, doubtful: true };
    const both = [reading('ULINDQVIS'), reading('ULINDQVIS')];
    expect(namesSettledByReadings(['surname'], doubtful, both, matchesRecord)).toEqual({});
  });

  it('leaves a name the readings disagree on, neither as registered, to the printed page', () => {
    const disagree = [reading('LINDOVIST'), reading('LNDQVIST')];
    expect(namesSettledByReadings(['surname'], evidence('LINDOVIST'), disagree, matchesRecord)).toEqual({});
    // One reading alone (the other recogniser read no zone) corroborates nothing.
    expect(
      namesSettledByReadings(['surname'], evidence('LINDOVIST'), [reading('LINDOVIST'), null], matchesRecord),
    ).toEqual({});
  });
});
