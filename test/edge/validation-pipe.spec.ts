import { ValidateBy } from 'class-validator';
import { ApiError } from '../../apps/api/src/http/api-error';
import { LedgerValidationPipe } from '../../apps/api/src/http/validation';

class ThrowingDto {
  // Like validator.js's isEmail on a lone surrogate: the library throws instead of answering false.
  @ValidateBy({ name: 'throws', validator: { validate: (value: string) => encodeURI(value).length > 0 } })
  email: string;
}

describe('LedgerValidationPipe', () => {
  it('turns an exception thrown by a validation library into a 400 ValidationFailed naming the body', async () => {
    const pipe = new LedgerValidationPipe();
    const refused = pipe.transform({ email: 'a\ud800@x.test' }, { type: 'body', metatype: ThrowingDto });
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({
      code: 'ValidationFailed',
      details: { fields: { '(body)': ['could not be validated'] } },
    });
  });
});
