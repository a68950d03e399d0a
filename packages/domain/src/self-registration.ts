import { z } from 'zod';
import { bilingual } from './errors';
import { personInput } from './people';

/**
 * A person asks for a seat through the portal. They identify themselves by national ID (it finds
 * their record if the district already has one); staff approve the request later.
 */
export const selfRegistrationInput = z
  .object({
    classId: z.uuid(),
    person: personInput,
  })
  .strict()
  .superRefine((input, ctx) => {
    if (!input.person.nationalId) {
      ctx.addIssue({
        code: 'custom',
        path: ['person', 'nationalId'],
        message: bilingual({
          vi: 'Cần số CCCD để đăng ký qua cổng thông tin.',
          en: 'A national ID is needed to register through the portal.',
        }),
      });
    }
  });
export type SelfRegistrationInput = z.input<typeof selfRegistrationInput>;
