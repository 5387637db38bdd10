import { categoryDefinitionsSchema, DEFAULT_CATEGORY_DEFINITIONS, ValidationError, type CategoryDefinition, type SettingsStore } from '../domain/index.js';

/** The setting's name in the store. */
export const CATEGORY_SETTING = 'categories';

export interface CategoryDefinitions {
  categories: CategoryDefinition[];
  /** The version a change must name: 0 while the defaults stand. */
  version: number;
  /** False while nobody saved any: the shipped categories and their descriptions. */
  saved: boolean;
  updatedAt?: string;
  updatedBy?: string;
}

/** The shop's categories as a supervisor defined them, or the shipped ones while none are saved. */
export async function readCategoryDefinitions(settings: SettingsStore): Promise<CategoryDefinitions> {
  const stored = await settings.getSetting(CATEGORY_SETTING);
  if (!stored) return { categories: DEFAULT_CATEGORY_DEFINITIONS.map((d) => ({ ...d, examples: [...d.examples] })), version: 0, saved: false };
  const parsed = categoryDefinitionsSchema.safeParse(stored.value);
  // written through saveCategoryDefinitions only; a value that no longer parses is a bug to see, not to hide
  if (!parsed.success) throw new Error(`the stored category definitions (version ${stored.version}) do not parse: ${parsed.error.message}`);
  return { categories: parsed.data, version: stored.version, saved: true, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
}

/**
 * A supervisor saves the whole list (the page's form, or PUT /api/categories) with the version they read; a stale
 * version is a ConflictError, so one supervisor never silently undoes another's change.
 */
export async function saveCategoryDefinitions(
  settings: SettingsStore,
  input: { categories: unknown; version: number; by: string },
  now = new Date(),
): Promise<CategoryDefinitions> {
  const parsed = categoryDefinitionsSchema.safeParse(input.categories);
  if (!parsed.success) throw new ValidationError('the categories cannot be saved', parsed.error.issues);
  const stored = await settings.putSetting(CATEGORY_SETTING, parsed.data, input.version, input.by, now);
  return { categories: parsed.data, version: stored.version, saved: true, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
}
