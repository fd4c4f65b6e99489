"""ckanext-harvest's and ckanext-scheming's interface strings that ship without Thai, marked so that
their Thai lives in our catalog.

ckanext-harvest ships no Thai; its templates and views call gettext, and CKAN merges our catalog
over every domain, so translating its msgids in ckanext-opengov.po makes /harvest, /harvest/new and
the job pages Thai without copying its templates. Marking them here keeps them through
`make i18n-update`. Nothing imports this module.
"""


def N_(message: str) -> str:  # noqa: N802
    return message


def ngettext(singular: str, plural: str, number: int) -> str:
    return singular if number == 1 else plural


HARVEST_STRINGS = (
    # harvest_frequencies() translates each frequency's title at run time.
    N_('Manual'), N_('Monthly'), N_('Weekly'), N_('Biweekly'), N_('Daily'), N_('Always'),
    N_('No jobs yet for this source'),
    N_('Harvest job not found'),
    N_('Harvest job stopped'),
    N_('Harvest will start shortly. Refresh this page for updates.'),
    N_('Cannot create new harvest jobs on inactive sources. First, please change the source status to "active".'),
    N_('A harvest job has already been scheduled for this source'),
    N_('Harvest source cleared'),
    N_('Harvesting source successfully cleared'),
    N_('Harvesting source successfully inactivated'),
    N_('No content found'),
    N_('Error Summary'),
    N_('Document Error'),
    N_('Job Errors'),
    N_('User {0} not authorized to create harvest sources'),
    N_('User not authorized to create a job for source {0}'),
    N_('Only sysadmins can create harvest jobs for all sources'),
    N_('Only the sysadmins can create harvest objects'),
    N_('User {0} not authorized to delete harvest source {1}'),
    N_('User {0} not authorized to read harvest source {1}'),
    N_('User {0} not authorized to see jobs from source {1}'),
    N_('User {0} not authorized to list jobs for source {1}'),
    N_('User {0} not authorized to update harvest source {1}'),
    N_('Only sysadmins can clear history for all harvest jobs'),
    N_('Only sysadmins can reimport all harvest objects'),
    N_('Only sysadmins can run the pending harvest jobs'),
    N_('Only sysadmins can reindex all harvest sources'),
    N_('Harvest'),
    N_('Add Harvest Source'),
    N_('errors'),
    N_('Id'),
    N_('Count'),
    N_('Message'),
    N_('There are no datasets associated to this harvest source.'),
    N_('Sorry no harvest sources found for "{query}"'),
    N_('Sorry no harvest sources found'),
    N_('There is no description for this harvest source'),
    N_('Last Harvest Job'),
    N_('View full job report'),
    N_('This will re-run the harvesting for this source. Any updates at the source will overwrite the local datasets. Sources with a large number of datasets may take a significant amount of time to finish harvesting. Please confirm you would like us to start reharvesting.'),
    N_('Start a new harvesting job for this harvest source now'),
    N_('Reharvest'),
    N_('Stop'),
    N_('Warning: This will remove all datasets for this source, as well as all previous job reports. Are you sure you want to continue?'),
    N_('Delete all harvest jobs and existing datasets from this source'),
    N_('Clear'),
    N_('View harvest source'),
    N_('Jobs'),
    N_('Harvest Sources'),
    N_('Edit harvest source'),
    N_('Create Harvest Source'),
    N_('Create harvest source'),
    N_('Harvest sources allow importing remote metadata into this catalog. Remote sources can be other catalogs such as other CKAN instances, CSW servers or Web Accessible Folders (WAF) (depending on the actual harvesters enabled for this instance).'),
    N_('This should include the http:// part of the URL'),
    N_('Configuration'),
    N_('This will flag the source as deleted but keep all its datasets and previous jobs. Are you sure you want to delete this harvest source?'),
    N_('Warning: Apart from deleting this source, this command will remove all its datasets, as well as all previous job reports. Are you sure you want to continue?'),
    N_('Delete source'),
    N_('Delete and clear source'),
    N_('Search harvest sources...'),
    N_('Harvest Jobs'),
    N_('Job: '),
    N_('Started:'),
    N_('Not yet'),
    N_('Finished:'),
    N_('Job Report'),
    N_('Back to job list'),
    N_('No errors for this job'),
    N_('Only the 20 most frequent errors are shown'),
    N_('Document Errors'),
    N_('Error Report'),
    N_('documents with errors'),
    N_('Remote content'),
    N_('Local content'),
    ngettext('{number} harvest source found for "{query}"', '{number} harvest sources found for "{query}"', 2),
    ngettext('{number} harvest source found', '{number} harvest sources found', 2),
    # ckanext-scheming's validation.py: a required multiple choice left empty.
    N_("Select at least one"),
)
