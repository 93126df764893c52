/** Every contract case, grouped by resource. */
import type { ContractCase } from '../case'
import { authCases } from './auth'
import { issueCreateCases } from './issue-create'
import { issueFilterCases } from './issue-filters'
import { issueListCases } from './issue-list'
import { issueShowCases } from './issue-show'
import { issueDeleteCases, issueUpdateCases } from './issue-update'
import { projectCases } from './projects'
import { referenceCases } from './reference'
import { uploadCases } from './uploads'
import { userCases } from './users'

export const allCases: ContractCase[] = [
  ...referenceCases,
  ...userCases,
  ...projectCases,
  ...issueFilterCases,
  ...issueListCases,
  ...issueShowCases,
  ...issueCreateCases,
  ...issueUpdateCases,
  ...issueDeleteCases,
  ...uploadCases,
  ...authCases,
]
