/**
 * Hormonal contraception named by its route under a hormonal-contraception lead-in ("… hormonal
 * contraception associated with inhibition of ovulation" → "intravaginal", "transdermal") and
 * progestogen implants or injections named alone in a list of methods (CTFG 2020 list of highly
 * effective methods): read as the contraception requirement. Real corpus lines.
 */
import { attest, readRule } from '../support/criteria';

describe('hormonal contraception named by its route or its progestogen', () => {
  const combined = [
    'Highly Effective Birth Control Methods',
    'combined (estrogen and progestogen containing) hormonal contraception associated with inhibition of ovulation\n\n  o oral',
  ];

  it('reads a route item under a hormonal contraception lead-in', () => {
    expect(readRule('intravaginal', 'inclusion', combined)).toEqual({ condition: attest('contraception', true), unread: '' });
    expect(readRule('transdermal', 'inclusion', combined)).toEqual({ condition: attest('contraception', true), unread: '' });
  });

  it('reads a progestogen implant or injection named alone', () => {
    expect(readRule('Implants of levonorgestrel.', 'inclusion')).toEqual({ condition: attest('contraception', true), unread: '' });
    expect(readRule('Injectable progestogen.', 'inclusion')).toEqual({ condition: attest('contraception', true), unread: '' });
  });

  it('reads no route item without a contraception lead-in', () => {
    expect(readRule('injectable', 'inclusion').condition).toBeNull();
    expect(readRule('oral', 'inclusion', ['Patients must be able to take medication by the following routes:']).condition).toBeNull();
  });
});
