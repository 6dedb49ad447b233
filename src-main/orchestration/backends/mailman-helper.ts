/**
 * A Python module the backend hands to `mailman shell -r`: Mailman 3 keeps a list's owners,
 * accepted aliases and posting chain in its database, and its command line sets none of them.
 * The text is ours and fixed; every value reaches it as a separate argument, so nothing typed
 * in the panel is ever read as Python.
 */
export const MAILMAN_HELPER_MODULE = 'orchestra_mailman'

export const MAILMAN_HELPER = `"""Applies Orchestra's settings to one Mailman 3 list."""
from mailman.config import config
from mailman.interfaces.mailinglist import IAcceptableAliasSet
from mailman.interfaces.member import MemberRole
from mailman.interfaces.usermanager import IUserManager
from zope.component import getUtility


def apply(mlist, owner, state, *aliases):
    """The owner replaces every other; the aliases are the posting addresses besides the
    list's own; an inactive list rejects every post."""
    users = getUtility(IUserManager)
    address = users.get_address(owner) or users.create_address(owner)
    for member in list(mlist.owners.members):
        if member.address.email != address.email:
            member.unsubscribe()
    if mlist.owners.get_member(address.email) is None:
        mlist.subscribe(address, MemberRole.owner)
    accepted = IAcceptableAliasSet(mlist)
    accepted.clear()
    for alias in aliases:
        accepted.add(alias)
    mlist.posting_chain = 'default-posting-chain' if state == 'active' else 'reject'
    config.db.commit()
    print(mlist.fqdn_listname, state, 'owner', address.email)
`
