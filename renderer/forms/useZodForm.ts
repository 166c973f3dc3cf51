import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';

/**
 * A react-hook-form form validated by a zod schema — the same schema the contract uses, so what the
 * form accepts is exactly what main accepts. Errors show after a field is left, then as you type.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  /** `onSubmit` for a form whose field must not complain when focus merely leaves it. */
  mode: 'onTouched' | 'onSubmit' = 'onTouched',
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    mode,
  });
}
