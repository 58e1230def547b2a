import { describe, expect, it } from 'vitest';
import { splitPersonName } from '../../../../src-main/domain/patients/personName';

describe('splitPersonName', () => {
  it.each([
    ['Mario Rossi', 'first_last', 'Mario', 'Rossi'],
    ['Rossi Mario', 'last_first', 'Mario', 'Rossi'],
    ['Maria De Luca', 'first_last', 'Maria', 'De Luca'],
    ['De Luca Maria', 'last_first', 'Maria', 'De Luca'],
    ['Anna Maria Bianchi', 'first_last', 'Anna Maria', 'Bianchi'],
    ['Bianchi Anna Maria', 'last_first', 'Anna Maria', 'Bianchi'],
    ['Kowalska Katarzyna', 'last_first', 'Katarzyna', 'Kowalska'],
    ['  Rossi   Mario ', 'last_first', 'Mario', 'Rossi'],
    ['Rossi', 'last_first', '', 'Rossi'],
    ['Mario', 'first_last', 'Mario', ''],
    ['', 'last_first', '', ''],
  ] as const)('%s (%s) → %s / %s', (full, order, first, last) => {
    expect(splitPersonName(full, order)).toEqual({ firstName: first, lastName: last });
  });
});
