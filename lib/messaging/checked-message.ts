/** A message payload checked against its schema; what fails the check is treated as not sent. */
import * as v from 'valibot';

export function onceValid<S extends v.GenericSchema>(schema: S, data: unknown): v.InferOutput<S> | null {
  const result = v.safeParse(schema, data);
  return result.success ? result.output : null;
}
