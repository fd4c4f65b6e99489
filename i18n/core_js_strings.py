"""CKAN core strings that its JavaScript modules show on the portal's pages and forms.

CKAN builds the JavaScript catalog (/api/i18n/th, `ckan translation js`, `ckan run`) from each
plugin's .po file, not from the compiled .mo, so Thai for these core msgids has to be in
i18n/th/LC_MESSAGES/ckanext-opengov.po itself (the other core strings live in
i18n/th/ckan-core.po). Marking them here keeps them there through `make i18n-update`.
Nothing imports this module.
"""


def N_(message: str) -> str:
    return message


def ngettext(singular: str, plural: str, number: int) -> str:
    return singular if number == 1 else plural


CORE_JAVASCRIPT_STRINGS = (
    # image-upload.js: the resource form's file / link chooser
    N_("Upload"),
    N_("Remove"),
    N_("Upload a file on your computer"),
    N_("Please select the file to upload again"),
    # autocomplete.js: tags, formats, agencies
    N_("Start typing…"),
    N_("Searching..."),
    ngettext("Input is too short, must be at least one character",
             "Input is too short, must be at least %(num)d characters", 2),
    # resource-reorder.js: the dataset edit page
    N_("Reorder resources"),
    N_("You can rearrange the resources by dragging them using the arrow icon. Drag the resource to "
       "the right and place it to the desired location on the list. When you are done, click the "
       "\"Save order\" -button."),
    # resource-view-filters.js: the table preview's filters
    N_("Add Filter"),
    # confirm-action.js, notify.js, htmx-ckan.js
    N_("Please Confirm"),
    N_("Close"),
    N_("Notification"),
)
