/**
 * "Content Manager" in the main menu opens the type editors work with most (news), not the first
 * in the alphabet (Contact): the first type of src/content-manager/layouts.ts's EDITORIAL_ORDER.
 * An index route: under the panel's `/*` layout React Router ranks the Content Manager's own
 * `content-manager/*` above a bare `content-manager` path, but not above an index child.
 */
import { Navigate } from 'react-router-dom';
import { EDITORIAL_ORDER } from '../content-manager/layouts';

export const contentManagerLanding = {
  path: 'content-manager',
  children: [{ index: true, element: <Navigate to={`/content-manager/collection-types/${EDITORIAL_ORDER[0]}`} replace /> }],
};
